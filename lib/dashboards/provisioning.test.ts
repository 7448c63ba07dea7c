import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProvisioned } from './provisioning';

const SHANNON = path.resolve(import.meta.dirname, '../../../shared/shannon/dashboards');

describe('dashboards provisioned from DASHBOARDS_DIR', () => {
  it('loads console and Grafana JSON from the folder and its sub-folders, and names each file that is not a dashboard', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provision-'));
    fs.mkdirSync(path.join(dir, 'team'));
    fs.copyFileSync(path.join(SHANNON, 'policy.json'), path.join(dir, 'team', 'policy.json'));
    const own = {
      id: 'mine',
      title: 'Mine',
      variables: [],
      panels: [{ id: 'a', title: 'A', kind: 'stat', unit: 'short', queries: [{ expr: 'up' }] }],
    };
    fs.writeFileSync(path.join(dir, 'mine.json'), JSON.stringify(own));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"title": ');
    fs.writeFileSync(path.join(dir, 'list.json'), '[1, 2]');
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ title: 'x', foo: 1 }));
    fs.writeFileSync(path.join(dir, 'twice.json'), JSON.stringify({ ...own, title: 'Mine again' }));
    fs.writeFileSync(path.join(dir, 'workflows.json'), JSON.stringify({ ...own, id: 'workflows' }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not json, not read');

    const r = loadProvisioned(dir);
    expect(r.dashboards.map((d) => [d.uid, d.file, d.def.title, d.grafana])).toEqual([
      ['mine', 'mine.json', 'Mine', false],
      [
        'shannon-policy-production',
        path.join('team', 'policy.json'),
        'Shannon Policy Engine - Production Dashboard',
        true,
      ],
    ]);
    expect(r.dashboards[1]!.def.panels.length).toBeGreaterThan(5);
    const problems = Object.fromEntries(r.problems.map((p) => [p.file, p.problem]));
    expect(Object.keys(problems).sort()).toEqual([
      'broken.json',
      'list.json',
      'other.json',
      'twice.json',
      'workflows.json',
    ]);
    expect(problems['broken.json']).toMatch(/^not JSON: /);
    expect(problems['list.json']).toBe('not a dashboard: the file holds no JSON object');
    expect(problems['other.json']).toMatch(
      /^neither a console dashboard \(.+\) nor a Grafana one \(not a Grafana dashboard: it has neither "panels" nor "rows"\)$/,
    );
    expect(problems['twice.json']).toBe(
      'uid "mine" is already taken by another dashboard; give this one its own "uid"',
    );
    expect(problems['workflows.json']).toMatch(/^uid "workflows" is already taken/);
  });

  it('says so when the folder cannot be read, and reads nothing when none is set', () => {
    expect(loadProvisioned(undefined)).toEqual({ dashboards: [], problems: [] });
    const r = loadProvisioned('/nonexistent/dashboards');
    expect(r.dashboards).toEqual([]);
    expect(r.problems[0]!.problem).toMatch(/^cannot read the folder: ENOENT/);
  });
});
