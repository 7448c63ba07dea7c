import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DashboardStore, VersionConflict } from './store';
import type { DashboardDef } from './types';

const def = (title: string): DashboardDef => ({
  id: 'mine',
  version: 1,
  title,
  description: '',
  variables: [],
  panels: [
    { id: 'p', title: 'Up', description: '', kind: 'stat', unit: 'short', variables: [], queries: [{ expr: 'up' }] },
  ],
});

describe('the dashboard store', () => {
  it('saves versions, refuses a save from a stale version, restores, lists and deletes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dash-'));
    const s = new DashboardStore(dir);
    const a = s.create(def('Checkout'), ['shop'], 'ed', 1000, 'first');
    expect(a).toMatchObject({ version: 1, title: 'Checkout', tags: ['shop'], updatedBy: 'ed' });
    const b = s.update(a.uid, 1, def('Checkout v2'), ['shop'], 'ana', 2000, 'renamed')!;
    expect(b.version).toBe(2);
    expect(b.def.title).toBe('Checkout v2');
    // A second editor who started from version 1 does not overwrite version 2.
    expect(() => s.update(a.uid, 1, def('Lost update'), [], 'bo', 3000)).toThrow(VersionConflict);
    expect(s.get(a.uid)!.def.title).toBe('Checkout v2');
    expect(s.versions(a.uid).map((v) => [v.version, v.message, v.author])).toEqual([
      [2, 'renamed', 'ana'],
      [1, 'first', 'ed'],
    ]);
    expect(s.get(a.uid, 1)!.def.title).toBe('Checkout');
    const restored = s.update(a.uid, 2, s.get(a.uid, 1)!.def, ['shop'], 'ed', 4000, 'restore version 1')!;
    expect(restored).toMatchObject({ version: 3, title: 'Checkout' });
    s.create(def('Billing'), ['money'], 'ed', 5000);
    expect(s.list().map((d) => d.title)).toEqual(['Billing', 'Checkout']);
    expect(s.list('CHECK').map((d) => d.title)).toEqual(['Checkout']);
    expect(s.list('', 'money').map((d) => d.title)).toEqual(['Billing']);
    expect(s.remove(a.uid, 6000)).toBe(true);
    expect(s.get(a.uid)).toBeNull();
    expect(s.list().map((d) => d.title)).toEqual(['Billing']);
    s.close();
    // Reopened, nothing is lost; a file from a newer console is refused untouched.
    const again = new DashboardStore(dir);
    expect(again.list()).toHaveLength(1);
    again.close();
    const raw = new Database(path.join(dir, 'dashboards.sqlite'));
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => new DashboardStore(dir)).toThrow(/schema 99, newer than this console knows/);
  });
});
