import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonExport } from '../test/otlp-json';
import { EmbeddedStore } from './embedded';

/**
 * A real full disk: the store lives on a 4 MiB tmpfs that a filler file fills up. Mounting needs
 * root, as the developers' machines and CI run.
 */
let mnt: string;

beforeAll(() => {
  mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'store-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]);
  } catch (e) {
    throw new Error(`this test mounts a small tmpfs to fill a real disk and needs root: ${(e as Error).message}`);
  }
});
afterAll(() => {
  execFileSync('umount', [mnt]);
  fs.rmSync(mnt, { recursive: true, force: true });
});

function fill(file: string) {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
}

const exportOf = (n: number, now: number) =>
  Buffer.from(
    JSON.stringify(
      jsonExport('api', [
        {
          traceId: n.toString(16).padStart(32, '0'),
          spanId: '1'.repeat(16),
          name: 'op',
          startMs: now,
          durMs: 1,
          attributes: { pad: 'y'.repeat(20_000) },
        },
      ]),
    ),
  );

describe('a full disk', () => {
  it('refuses exports with 503 while full, logs it once, reports it, and recovers when space returns', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = await EmbeddedStore.open({
      dataDir: mnt,
      sync: 'normal',
      retentionMs: 72 * 3600e3,
      maxBytes: 0,
      queueBytes: 1 << 26,
    });
    try {
      const now = Date.now();
      expect(await store.ingest('json', exportOf(1, now))).toMatchObject({ ok: true, accepted: 1 });
      expect(store.health().ok).toBe(true);
      fill(path.join(mnt, 'filler'));
      const outcomes = [];
      for (let i = 2; i < 40; i++) outcomes.push(await store.ingest('json', exportOf(i, now)));
      const refused = outcomes.filter((o) => !o.ok);
      expect(refused.length).toBeGreaterThan(5);
      expect(refused[0]).toMatchObject({ ok: false, status: 'unavailable', message: expect.stringMatching(/full/i) });
      const health = store.health();
      expect(health.ok).toBe(false);
      expect(health.detail).toMatch(/writes failing since .* exports refused\): .*full/i);
      const logged = errors.mock.calls.filter((c) => String(c[0]).includes('are failing'));
      expect(logged).toHaveLength(1);
      // What was stored before the disk filled is still there.
      expect((await store.trace((1).toString(16).padStart(32, '0')))?.spans).toHaveLength(1);

      fs.rmSync(path.join(mnt, 'filler'));
      expect(await store.ingest('json', exportOf(100, now))).toMatchObject({ ok: true, accepted: 1 });
      expect(store.health().ok).toBe(true);
      expect(errors.mock.calls.some((c) => String(c[0]).includes('writes succeed again'))).toBe(true);
    } finally {
      await store.close();
      errors.mockRestore();
    }
  }, 30_000);
});
