import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';

/** Ports freePort has handed out in this process. */
const handedOut = new Set<number>();

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  // A port is free only until something binds it: two picks before either is bound could get the
  // same one back from the system (a console once got its own OTLP port as its HTTP port). This
  // process never hands out a port twice.
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

/** Whether nothing listens on `port` (on any address). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '0.0.0.0', () => srv.close(() => resolve(true)));
  });
}

/** `preferred` when nothing listens there, else any free port. */
export function preferredPort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => void freePort().then(resolve));
    srv.listen(preferred, '0.0.0.0', () => srv.close(() => resolve(preferred)));
  });
}

export type Managed = { name: string; child: ChildProcess; logFile: string };

/** Start a child with its output in a log file; it dies with us on a normal exit. */
export function startProcess(
  name: string,
  cmd: string,
  args: string[],
  logFile: string,
  opts: SpawnOptions = {},
): Managed {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out], ...opts });
  fs.closeSync(out);
  child.on('error', (e) => console.error(`[stack] ${name} failed to start: ${e.message}`));
  return { name, child, logFile };
}

/** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
export async function stopProcess(p: Managed, graceMs = 5000): Promise<void> {
  const { child } = p;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Poll `check` until it is true, or fail with what the process logged. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  p?: Managed,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p && p.child.exitCode !== null) {
      throw new Error(`${p.name} exited (code ${p.child.exitCode}) before ${what}:\n${tail(p.logFile)}`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${p ? `:\n${tail(p.logFile)}` : ''}`);
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

/** An https GET that accepts any certificate (a test's self-signed one): whether it answered 2xx. */
export function httpsOkAnyCert(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}
