// Checks a database file (integrity_check and foreign_key_check) in a worker thread, so a large
// library's check (several seconds for a few hundred megabytes) never stalls the process that
// answers the window: calls, timers and the photo route carry on meanwhile.
//
// The worker is a few lines evaluated from a string, so it needs no built file beside the bundle:
// it loads the same better-sqlite3 (by absolute path) with the same native binary as the
// connection it stands beside (Electron's build in Electron), and opens the file read-only.
import { Worker } from 'node:worker_threads';
import { nativeBindingOf, type DB } from './open';

/** What the worker is given; everything it needs travels here (it shares nothing with the caller). */
interface CheckJob {
  /** Absolute path of better-sqlite3's entry, resolved in the calling process. */
  module: string;
  nativeBinding: string | null;
  file: string;
}
type CheckAnswer = { ok: true } | { ok: false; message: string };

// Plain CommonJS run by the worker: open read-only, check pages and references, answer once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') {
    parentPort.postMessage({ ok: false, message: 'The backup failed its integrity check (' + String(result) + ')' });
  } else {
    const orphans = db.pragma('foreign_key_check');
    if (orphans.length > 0) parentPort.postMessage({ ok: false, message: 'The backup has ' + orphans.length + ' broken reference(s)' });
    else parentPort.postMessage({ ok: true });
  }
} catch (err) {
  parentPort.postMessage({ ok: false, message: 'The backup could not be read (' + String(err && err.message) + ')' });
} finally {
  if (db) db.close();
}
`;

let betterSqlite3Entry: string | null = null;

/**
 * Checks `file` on a read-only connection in a worker thread, with the native module `like` was
 * opened with. Resolves when pages, indexes and references are sound; rejects, saying which
 * failed, otherwise (also when the file cannot be read at all).
 */
export function checkDatabaseFileOffThread(like: DB, file: string): Promise<void> {
  betterSqlite3Entry ??= require.resolve('better-sqlite3');
  const job: CheckJob = { module: betterSqlite3Entry, nativeBinding: nativeBindingOf(like) ?? null, file };
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: job });
    let answered = false;
    worker.once('message', (answer: CheckAnswer) => {
      answered = true;
      if (answer.ok) resolve();
      else reject(new Error(answer.message));
    });
    worker.once('error', (err) => {
      answered = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The database check stopped before it answered (exit ${code})`));
    });
  });
}
