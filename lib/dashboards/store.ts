import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AnswerableError } from '../errors';
import type { DashboardDef } from './types';

/**
 * Dashboards that users save, in `<DATA_DIR>/dashboards.sqlite` (WAL; migrations numbered by
 * `user_version`, only ever added to, so a newer console never drops what an older one stored).
 * Every save is a new version; the latest is the dashboard, the earlier ones can be listed,
 * read and restored (a restore is a new version with the old content).
 */

export type StoredDashboard = {
  uid: string;
  version: number;
  title: string;
  tags: string[];
  updatedMs: number;
  updatedBy: string;
  def: DashboardDef;
};

export type DashboardSummary = Omit<StoredDashboard, 'def'>;
export type VersionInfo = { version: number; message: string; author: string; createdMs: number };

/**
 * A save that did not start from the latest version: someone else saved in between (409). An
 * answerable error, so that whichever copy of this module threw it, the route answers it.
 */
export class VersionConflict extends AnswerableError {
  constructor(latest: number, latestBy: string, from: number) {
    super(
      'VersionConflict',
      409,
      'conflict',
      `the dashboard is at version ${latest} (saved by ${latestBy}); this edit started from version ${from}: reload it and make the change again`,
    );
  }
}

const MIGRATIONS = [
  `CREATE TABLE dashboards (
     uid TEXT PRIMARY KEY, title TEXT NOT NULL, tags TEXT NOT NULL, version INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL, updated_by TEXT NOT NULL, deleted_ms INTEGER);
   CREATE TABLE dashboard_versions (
     uid TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, message TEXT NOT NULL,
     author TEXT NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY (uid, version));`,
];

type Row = { uid: string; title: string; tags: string; version: number; updated_ms: number; updated_by: string };

const summary = (r: Row): DashboardSummary => ({
  uid: r.uid,
  version: r.version,
  title: r.title,
  tags: JSON.parse(r.tags) as string[],
  updatedMs: r.updated_ms,
  updatedBy: r.updated_by,
});

export class DashboardStore {
  private db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(path.join(dataDir, 'dashboards.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    const at = this.db.pragma('user_version', { simple: true }) as number;
    if (at > MIGRATIONS.length) {
      throw new Error(
        `dashboards.sqlite is at schema ${at}, newer than this console knows (${MIGRATIONS.length}): run the newer console, nothing was changed`,
      );
    }
    for (let v = at; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  /** Dashboards whose title holds `search` (any case) and that carry `tag`, by title. */
  list(search = '', tag = ''): DashboardSummary[] {
    const rows = this.db
      .prepare('SELECT * FROM dashboards WHERE deleted_ms IS NULL ORDER BY title COLLATE NOCASE, uid')
      .all() as Row[];
    const s = search.toLowerCase();
    return rows.map(summary).filter((d) => (!s || d.title.toLowerCase().includes(s)) && (!tag || d.tags.includes(tag)));
  }

  get(uid: string, version?: number): StoredDashboard | null {
    const row = this.db.prepare('SELECT * FROM dashboards WHERE uid = ? AND deleted_ms IS NULL').get(uid) as
      Row | undefined;
    if (!row) return null;
    const v = this.db
      .prepare('SELECT json FROM dashboard_versions WHERE uid = ? AND version = ?')
      .get(uid, version ?? row.version) as { json: string } | undefined;
    if (!v) return null;
    const def = JSON.parse(v.json) as DashboardDef;
    return { ...summary(row), ...(version ? { version } : {}), def };
  }

  create(def: DashboardDef, tags: string[], author: string, nowMs: number, message = ''): StoredDashboard {
    const uid = randomBytes(6).toString('base64url');
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO dashboards (uid, title, tags, version, updated_ms, updated_by) VALUES (?, ?, ?, 1, ?, ?)')
        .run(uid, def.title, JSON.stringify(tags), nowMs, author);
      this.addVersion(uid, 1, def, message, author, nowMs);
    })();
    return this.get(uid)!;
  }

  /** A new version from `from` (the version the edit started from); VersionConflict when it is not the latest. */
  update(
    uid: string,
    from: number,
    def: DashboardDef,
    tags: string[] | undefined,
    author: string,
    nowMs: number,
    message = '',
  ): StoredDashboard | null {
    const saved = this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT * FROM dashboards WHERE uid = ? AND deleted_ms IS NULL').get(uid) as
          Row | undefined;
        if (!row) return false;
        if (row.version !== from) throw new VersionConflict(row.version, row.updated_by, from);
        const version = row.version + 1;
        this.db
          .prepare(
            'UPDATE dashboards SET title = ?, tags = ?, version = ?, updated_ms = ?, updated_by = ? WHERE uid = ?',
          )
          .run(def.title, tags ? JSON.stringify(tags) : row.tags, version, nowMs, author, uid);
        this.addVersion(uid, version, def, message, author, nowMs);
        return true;
      })
      .immediate();
    return saved ? this.get(uid) : null;
  }

  /** Hidden from every list and read; its versions are kept. */
  remove(uid: string, nowMs: number): boolean {
    return (
      this.db.prepare('UPDATE dashboards SET deleted_ms = ? WHERE uid = ? AND deleted_ms IS NULL').run(nowMs, uid)
        .changes > 0
    );
  }

  versions(uid: string): VersionInfo[] {
    return this.db
      .prepare(
        'SELECT version, message, author, created_ms AS createdMs FROM dashboard_versions WHERE uid = ? ORDER BY version DESC',
      )
      .all(uid) as VersionInfo[];
  }

  private addVersion(uid: string, version: number, def: DashboardDef, message: string, author: string, nowMs: number) {
    this.db
      .prepare(
        'INSERT INTO dashboard_versions (uid, version, json, message, author, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(uid, version, JSON.stringify({ ...def, version }), message, author, nowMs);
  }
}
