/**
 * Where the cast batches run (cast-committer.ts hands them over): a worker thread on a second
 * connection to the file (cast-worker.ts), or, for an in-memory database, which another
 * thread cannot share, the main connection itself.
 */
import type Sqlite from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { createBatchRunner, packCasts, unpackResult, type CastInput, type CastResult } from './cast-commit';
import type { BatchError, CastWorkerData, FromCastWorker, ToCastWorker } from './cast-worker';

/** Where the batches run. */
export interface BatchThread {
  /** Start it, if it takes time to start, before the first batch needs it. */
  warm(): void;
  /** Rejects with the error that failed the whole batch. */
  run(casts: CastInput[]): Promise<CastResult[]>;
  close(): Promise<void>;
}

/** On the main connection, synchronously (an in-memory database). */
export class MainThread implements BatchThread {
  private readonly runner: (casts: readonly CastInput[]) => CastResult[];
  constructor(sqlite: Sqlite.Database) {
    this.runner = createBatchRunner(sqlite);
  }
  warm(): void {}
  async run(casts: CastInput[]): Promise<CastResult[]> {
    return this.runner(casts);
  }
  async close(): Promise<void> {}
}

/** The settings of the main connection that the worker's must share. */
const SHARED_PRAGMAS = ['synchronous', 'foreign_keys', 'secure_delete', 'busy_timeout', 'cache_size'] as const;

/** The main connection's shared settings as the `pragma` statements the worker runs on its own. */
export function sharedPragmas(sqlite: Sqlite.Database): string[] {
  return SHARED_PRAGMAS.map((name) => `${name} = ${String(sqlite.pragma(name, { simple: true }))}`);
}

/**
 * The worker's module: the compiled server (build/server.mjs) has it built beside it as
 * cast-worker.mjs; from the TypeScript sources (tsx, the tests) it is loaded through tsx.
 */
function startWorker(data: CastWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./cast-worker.mjs', here), { workerData: data });
  const url = new URL('./cast-worker.ts', here).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

function batchError(e: BatchError): Error {
  return Object.assign(new Error(e.message), { name: e.name, code: e.code });
}

/** In a worker thread on a connection of its own, started on first need and again after a crash. */
export class WorkerThread implements BatchThread {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(results: CastResult[]): void; reject(err: unknown): void }>();

  constructor(private readonly data: CastWorkerData) {}

  warm(): void {
    if (this.worker) return;
    const worker = startWorker(this.data);
    // The server's sockets and timers keep the process alive, not this thread.
    worker.unref();
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', (msg: FromCastWorker) => (msg.type === 'ready' ? resolve() : reject(new Error(`cast worker said ${msg.type} first`))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`cast worker exited (${code}) before it was ready`)));
    });
    // Awaited by each batch; a failed start is that batch's failure, and the next batch starts a new worker.
    this.ready.catch(() => undefined);
    worker.on('message', (msg: FromCastWorker) => {
      if (msg.type === 'ready') return;
      const waiting = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      if (msg.type === 'done') waiting?.resolve(msg.results.map(unpackResult));
      else waiting?.reject(batchError(msg.error));
    });
    const lost = (err: unknown) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`cast worker exited (${code})`)));
  }

  async run(casts: CastInput[]): Promise<CastResult[]> {
    this.warm();
    const worker = this.worker!;
    await this.ready;
    if (this.worker !== worker) throw new Error('cast worker lost');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ type: 'batch', id, casts: packCasts(casts) } satisfies ToCastWorker);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToCastWorker);
    await exited;
  }
}
