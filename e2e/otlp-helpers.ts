import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { startConsole } from '../scripts/stack/console';
import { freePort, type Managed, stopProcess } from '../scripts/stack/proc';
import type { Trace } from '../lib/traces/model';
import { traceService } from '../lib/traces/receiver/grpc-service';

/** A console of its own (own data dir and ports), for tests that configure or kill it. */
export type ConsoleInstance = {
  url: string;
  port: number;
  grpcPort: number;
  httpPort: number;
  dataDir: string;
  proc: Managed;
  stop: () => Promise<void>;
};

export async function startConsoleInstance(
  env: Record<string, string>,
  dataDir?: string,
  ports?: { port: number; grpc: number; http: number },
): Promise<ConsoleInstance> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'));
  const p = ports ?? { port: await freePort(), grpc: await freePort(), http: await freePort() };
  const proc = await startConsole({
    port: p.port,
    host: '127.0.0.1',
    logFile: path.join(dir, `console-${Date.now()}.log`),
    env: {
      DATA_DIR: dir,
      OTLP_GRPC_PORT: String(p.grpc),
      OTLP_HTTP_PORT: String(p.http),
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      ...env,
    },
  });
  return {
    url: `http://127.0.0.1:${p.port}`,
    port: p.port,
    grpcPort: p.grpc,
    httpPort: p.http,
    dataDir: dir,
    proc,
    stop: () => stopProcess(proc),
  };
}

export async function getTrace(baseUrl: string, traceId: string): Promise<Trace | null> {
  const res = await fetch(`${baseUrl}/api/traces/${traceId}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`GET trace ${traceId}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Trace;
}

/** Polls until the trace has `count` spans (exports are acknowledged before this, so it is quick). */
export async function traceWithSpans(
  baseUrl: string,
  traceId: string,
  count: number,
  timeoutMs = 10_000,
): Promise<Trace> {
  const until = Date.now() + timeoutMs;
  let last: Trace | null = null;
  while (Date.now() < until) {
    last = await getTrace(baseUrl, traceId);
    if (last && last.spans.length >= count) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`trace ${traceId} has ${last?.spans.length ?? 0} spans, expected ${count}`);
}

/** A raw OTLP/gRPC Export call: bytes in, bytes or a status out (no SDK in between). */
export function grpcExport(
  port: number,
  body: Buffer,
  metadata: Record<string, string> = {},
): Promise<{ ok: true; body: Buffer } | { ok: false; code: number; details: string }> {
  const Client = grpc.makeGenericClientConstructor(traceService, 'TraceService');
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': 64 * 1024 * 1024,
  });
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(metadata)) md.set(k, v);
  return new Promise((resolve) => {
    (
      client as unknown as {
        Export: (b: Buffer, m: grpc.Metadata, cb: (e: grpc.ServiceError | null, r?: Buffer) => void) => void;
      }
    ).Export(body, md, (err, res) => {
      client.close();
      if (err) resolve({ ok: false, code: err.code, details: err.details });
      else resolve({ ok: true, body: res as Buffer });
    });
  });
}

/** SQLite's own verdict on the store file, from a separate process (the sqlite3 CLI is not required). */
export function integrityCheck(file: string): string {
  const code = `const D=require('better-sqlite3'); const d=new D(${JSON.stringify(file)},{readonly:true}); process.stdout.write(String(d.pragma('integrity_check',{simple:true}))); d.close();`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`integrity check failed to run: ${r.stderr}`);
  return r.stdout.trim();
}

export function countSpans(file: string, traceIdHex: string): number {
  const code = `const D=require('better-sqlite3'); const d=new D(${JSON.stringify(file)},{readonly:true}); process.stdout.write(String(d.prepare('select count(*) c from spans where trace_id=?').get(Buffer.from(${JSON.stringify(traceIdHex)},'hex')).c)); d.close();`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`count failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}
