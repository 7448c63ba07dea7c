import fs from 'node:fs';
import path from 'node:path';
import type { Simulation } from './engine';
import { type Family, familyHeader, familySamples, type Registry } from './registry';

export type Target = { job: string; instance: string; registry: Registry };

/**
 * Simulate from `fromMs` to `toMs` and write an OpenMetrics file with a snapshot every
 * `stepMs`, for `promtool tsdb create-blocks-from openmetrics`. Each family's samples must be
 * contiguous, so lines are spooled per family and joined at the end. Samples carry the job and
 * instance labels Prometheus will add when scraping, so history and live data are one series.
 */
/** Returns the time of the last snapshot written. */
export function writeHistory(
  sim: Simulation,
  targets: Target[],
  fromMs: number,
  toMs: number,
  stepMs: number,
  outFile: string,
): number {
  const spoolDir = fs.mkdtempSync(path.join(path.dirname(outFile), '.history-'));
  const entries: { header: string[]; file: string; buf: string[]; fam: Family; target: Target }[] = [];
  for (const target of targets) {
    for (const fam of target.registry.families) {
      entries.push({
        header: familyHeader(fam),
        file: path.join(spoolDir, `${entries.length}.om`),
        buf: [],
        fam,
        target,
      });
    }
  }
  const upFile = path.join(spoolDir, 'up.om');
  const upBuf: string[] = [];
  let buffered = 0;
  const flush = () => {
    for (const e of entries) {
      if (e.buf.length) fs.appendFileSync(e.file, e.buf.join('\n') + '\n');
      e.buf = [];
    }
    if (upBuf.length) fs.appendFileSync(upFile, upBuf.splice(0).join('\n') + '\n');
    buffered = 0;
  };

  let last = fromMs - stepMs;
  for (let t = fromMs; t <= toMs; t += stepMs) {
    last = t;
    sim.advanceTo(t);
    const tsSec = Math.round(t) / 1000;
    for (const e of entries) {
      const lines = familySamples(e.fam, { tsSec }).map((l) => withTargetLabels(l, e.target));
      e.buf.push(...lines);
      buffered += lines.length;
    }
    for (const target of targets) upBuf.push(`up{job="${target.job}",instance="${target.instance}"} 1 ${tsSec}`);
    if (buffered > 200_000) flush();
  }
  flush();

  const out = fs.openSync(outFile, 'w');
  fs.writeSync(out, '# TYPE up gauge\n# HELP up Whether the target was up.\n');
  if (fs.existsSync(upFile)) fs.writeSync(out, fs.readFileSync(upFile));
  // The same family is exposed by one target only, so headers never repeat.
  for (const e of entries) {
    if (!fs.existsSync(e.file)) continue;
    fs.writeSync(out, e.header.join('\n') + '\n');
    fs.writeSync(out, fs.readFileSync(e.file));
  }
  fs.writeSync(out, '# EOF\n');
  fs.closeSync(out);
  fs.rmSync(spoolDir, { recursive: true, force: true });
  return last;
}

/** Insert job and instance after the metric name (before any other labels). */
function withTargetLabels(line: string, t: Target): string {
  const extra = `job="${t.job}",instance="${t.instance}"`;
  const sp = line.indexOf(' ');
  const brace = line.indexOf('{');
  if (brace !== -1 && brace < sp) return `${line.slice(0, brace + 1)}${extra},${line.slice(brace + 1)}`;
  return `${line.slice(0, sp)}{${extra}}${line.slice(sp)}`;
}
