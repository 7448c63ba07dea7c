// The embedded store's checkpointer thread: copies committed WAL pages back into the database
// file (PRAGMA wal_checkpoint(PASSIVE)) off the writer's thread, so a checkpoint never holds up
// an ingest transaction. PASSIVE never blocks the writer or readers.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
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
