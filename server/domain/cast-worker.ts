/**
 * The cast batches' thread (started by cast-thread.ts): a second connection to the same
 * SQLite file, used only for cast batches, so that the main thread keeps reading sockets,
 * checking frames and answering phones while a batch is written and flushed. WAL lets the two
 * connections share the file; the main thread holds Kysely's connection while a batch runs
 * here, so a batch never lands between the statements of another request's transaction.
 *
 * The worker imports only cast-commit.ts (the statements and the checks) and better-sqlite3.
 */
import Sqlite from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createBatchRunner, packResults, unpackCasts, type PackedCasts, type PackedResults } from './cast-commit';

export interface CastWorkerData {
  file: string;
  /** The main connection's settings (synchronous, foreign keys, secure delete, busy timeout, page cache), as `pragma` statements. */
  pragmas: string[];
}

export type ToCastWorker = { type: 'batch'; id: number; casts: PackedCasts } | { type: 'close' };

/** What crosses back of an error that failed a whole batch: its name and SQLite's code, for the log and for `isStorageFull`. */
export interface BatchError {
  name: string;
  code?: string;
  message: string;
}

export type FromCastWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; results: PackedResults }
  | { type: 'failed'; id: number; error: BatchError };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const { file, pragmas } = workerData as CastWorkerData;
  const sqlite = new Sqlite(file, { fileMustExist: true });
  for (const pragma of pragmas) sqlite.pragma(pragma);
  const run = createBatchRunner(sqlite);
  port.on('message', (msg: ToCastWorker) => {
    if (msg.type === 'close') {
      sqlite.close();
      port.close();
      return;
    }
    let reply: FromCastWorker;
    try {
      reply = { type: 'done', id: msg.id, results: packResults(run(unpackCasts(msg.casts))) };
    } catch (err) {
      const e = err as { name?: string; code?: unknown; message?: string };
      reply = { type: 'failed', id: msg.id, error: { name: e.name ?? 'Error', code: typeof e.code === 'string' ? e.code : undefined, message: e.message ?? String(err) } };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies FromCastWorker);
}
