// The embedded store's checkpointer thread: copies committed WAL pages back into the database
// file (PRAGMA wal_checkpoint(PASSIVE)) off the writer's thread, so a checkpoint never holds up
// an ingest transaction. PASSIVE never blocks the writer or readers. With a size budget
// (walLimitBytes > 0) a WAL file grown past its share is checkpointed with TRUNCATE, which waits
// briefly for readers and the writer, and leaves the file empty.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const walFile = `${workerData.file}-wal`;
const walLimit = workerData.walLimitBytes ?? 0;

function walSize() {
  try {
    return fs.statSync(walFile).size;
  } catch {
    return 0;
  }
}

const timer = setInterval(() => {
  try {
    db.pragma(walLimit > 0 && walSize() > walLimit ? 'wal_checkpoint(TRUNCATE)' : 'wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
}, workerData.everyMs);
parentPort?.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort?.postMessage('stopped');
  }
});
