import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isRole, type Principal, type Role } from './roles';

/**
 * The console's own records of who may come in: sessions, API tokens and the audit log, in
 * `<DATA_DIR>/console.sqlite` (readable by the console's user only). Secrets are kept as their
 * SHA-256: a copy of the file lets no one in.
 */

export type TokenInfo = {
  id: number;
  name: string;
  role: Role;
  createdBy: string;
  createdMs: number;
  lastUsedMs: number | null;
  revokedMs: number | null;
};

export type AuditEntry = {
  id: number;
  tsMs: number;
  kind: string;
  user: string;
  address: string;
  detail: Record<string, unknown>;
};

export type SessionRow = Principal & { createdMs: number; seenMs: number };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = (prefix: string) => prefix + randomBytes(32).toString('base64url');

/** Tokens are looked up on every API call; "last used" is written at most this often. */
const LAST_USED_EVERY_MS = 60_000;

export class AuthStore {
  private db: Database.Database;
  private lastUsedWritten = new Map<number, number>();
  /** Statements prepared once: sessions and tokens are looked up on every request. */
  private statements = new Map<string, Database.Statement>();

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, 'console.sqlite');
    const fresh = !fs.existsSync(file);
    if (fresh) fs.closeSync(fs.openSync(file, 'w', 0o600));
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, via TEXT NOT NULL,
        created_ms INTEGER NOT NULL, seen_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS tokens (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
        created_by TEXT NOT NULL, created_ms INTEGER NOT NULL, last_used_ms INTEGER, revoked_ms INTEGER);
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, kind TEXT NOT NULL, user TEXT NOT NULL,
        address TEXT NOT NULL, detail TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_ts ON audit (ts_ms);`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }

  close(): void {
    this.db.close();
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  // ---- sessions

  /** A new session; the returned secret goes into the cookie and is not kept. */
  createSession(p: Principal, nowMs: number): string {
    const id = secret('');
    this.stmt('INSERT INTO sessions (id, name, role, via, created_ms, seen_ms) VALUES (?, ?, ?, ?, ?, ?)').run(
      sha256(id),
      p.name,
      p.role,
      p.via,
      nowMs,
      nowMs,
    );
    return id;
  }

  /** The session's principal while it is within both expiries (and touched); null otherwise (and removed). */
  session(id: string, nowMs: number, idleMs: number, maxMs: number): SessionRow | null {
    const key = sha256(id);
    const row = this.stmt(
      'SELECT name, role, via, created_ms AS createdMs, seen_ms AS seenMs FROM sessions WHERE id = ?',
    ).get(key) as (Omit<SessionRow, 'via'> & { via: string }) | undefined;
    if (!row || !isRole(row.role)) return null;
    if (nowMs - row.seenMs > idleMs || nowMs - row.createdMs > maxMs) {
      this.stmt('DELETE FROM sessions WHERE id = ?').run(key);
      return null;
    }
    // Touched at most once a minute: a page's many requests write once.
    if (nowMs - row.seenMs > 60_000) this.stmt('UPDATE sessions SET seen_ms = ? WHERE id = ?').run(nowMs, key);
    return { ...row, via: 'session' };
  }

  deleteSession(id: string): void {
    this.stmt('DELETE FROM sessions WHERE id = ?').run(sha256(id));
  }

  /** Every session of a user ends (password changed, user removed). */
  deleteSessionsOf(name: string): void {
    this.stmt('DELETE FROM sessions WHERE name = ?').run(name);
  }

  pruneSessions(nowMs: number, idleMs: number, maxMs: number): void {
    this.stmt('DELETE FROM sessions WHERE seen_ms < ? OR created_ms < ?').run(nowMs - idleMs, nowMs - maxMs);
  }

  // ---- API tokens

  /** A new token: its secret is shown once, here, and kept only as a hash. */
  createToken(name: string, role: Role, createdBy: string, nowMs: number): { token: string; info: TokenInfo } {
    const token = secret('sct_');
    const r = this.stmt('INSERT INTO tokens (name, hash, role, created_by, created_ms) VALUES (?, ?, ?, ?, ?)').run(
      name,
      sha256(token),
      role,
      createdBy,
      nowMs,
    );
    return { token, info: this.tokenById(Number(r.lastInsertRowid))! };
  }

  tokenById(id: number): TokenInfo | null {
    return (this.stmt(`${TOKEN_SELECT} WHERE id = ?`).get(id) as TokenInfo | undefined) ?? null;
  }

  listTokens(): TokenInfo[] {
    return this.stmt(`${TOKEN_SELECT} ORDER BY id`).all() as TokenInfo[];
  }

  revokeToken(id: number, nowMs: number): boolean {
    return this.stmt('UPDATE tokens SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL').run(nowMs, id).changes > 0;
  }

  /**
   * The token's record when the secret is one of ours and not revoked; its use is noted (at most
   * once a minute: `noted` says whether this use was).
   */
  useToken(token: string, nowMs: number): (TokenInfo & { noted: boolean }) | null {
    const t = this.stmt(`${TOKEN_SELECT} WHERE hash = ?`).get(sha256(token)) as TokenInfo | undefined;
    if (!t || t.revokedMs !== null || !isRole(t.role)) return null;
    if (nowMs - (this.lastUsedWritten.get(t.id) ?? 0) >= LAST_USED_EVERY_MS) {
      this.lastUsedWritten.set(t.id, nowMs);
      this.stmt('UPDATE tokens SET last_used_ms = ? WHERE id = ?').run(nowMs, t.id);
      return { ...t, lastUsedMs: nowMs, noted: true };
    }
    return { ...t, noted: false };
  }

  // ---- audit log

  audit(kind: string, user: string, address: string, detail: Record<string, unknown>, nowMs: number): void {
    this.stmt('INSERT INTO audit (ts_ms, kind, user, address, detail) VALUES (?, ?, ?, ?, ?)').run(
      nowMs,
      kind,
      user,
      address,
      JSON.stringify(detail),
    );
  }

  /** The newest entries first; `kind` and `user` narrow them. */
  auditEntries(opts: { limit: number; kind?: string; user?: string; beforeId?: number }): AuditEntry[] {
    const conditions: [string, unknown][] = [];
    if (opts.kind) conditions.push(['kind = ?', opts.kind]);
    if (opts.user) conditions.push(['user = ?', opts.user]);
    if (opts.beforeId) conditions.push(['id < ?', opts.beforeId]);
    const where = conditions.map((c) => c[0]);
    const args = conditions.map((c) => c[1]);
    const rows = this.stmt(
      `SELECT id, ts_ms AS tsMs, kind, user, address, detail FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    ).all(...args, opts.limit) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }
}

const TOKEN_SELECT =
  'SELECT id, name, role, created_by AS createdBy, created_ms AS createdMs, last_used_ms AS lastUsedMs, revoked_ms AS revokedMs FROM tokens';
