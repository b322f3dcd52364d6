/**
 * Group commit: casts are queued as they arrive and written in batches (cast-commit.ts), each
 * phone answered once the commit that holds its ballot has returned (synchronous=FULL).
 *
 * The batches run in a worker thread on a second connection (cast-thread.ts, cast-worker.ts):
 * a commit and its fsync, and SQLite's work on the casts, no longer stop the event loop, so
 * while one batch is written the next is read and checked, and the casts that arrive meanwhile
 * form the next batch — a slower disk makes bigger batches, not a longer queue. Two batches
 * are handed over at a time, so the thread starts the next commit while the event loop
 * answers the phones of the last; it writes them one after the other, each its own
 * transaction. An in-memory database cannot be shared with another thread: there the batches
 * run on the main connection.
 */
import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { isStorageFull, type CastInput, type CastOutcome, type CastResult } from './cast-commit';
import { MainThread, sharedPragmas, WorkerThread, type BatchThread } from './cast-thread';

/** Most casts one commit holds: a burst is committed in steps, so early phones hear back early. */
export const MAX_BATCH = 256;

interface Pending {
  msg: CastInput;
  resolve(outcome: CastOutcome): void;
  reject(err: unknown): void;
}

/**
 * Batches handed to the thread at once: one being written while the next waits in its queue,
 * so the thread goes on to the next commit while the event loop answers the last one's phones.
 */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Batches one hold of Kysely's connection covers in a row: in a long burst, the other
 * requests' queries (a phone opening its slip, the turnout) get their turn every few batches.
 */
const BATCHES_PER_HOLD = 4;

/** Collects casts and commits them in groups; `cast` resolves once the ballot is on disk. */
export class CastCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private pumping = false;
  private inFlight = 0;
  /** Kysely's connection, held while batches are in flight: see `acquire`. */
  private hold: { release(): void; batches: number } | undefined;
  private acquiring: Promise<void> | undefined;
  /** Called whenever a batch has been answered (`idle` waits on it). */
  private answered: (() => void)[] = [];
  private readonly thread: BatchThread;

  /** Whether the last batch failed for want of space (reported once per change). */
  private full = false;

  constructor(
    private readonly db: Kysely<Database>,
    sqlite: Sqlite.Database,
    private readonly onStorage: (full: boolean, err?: unknown) => void = () => undefined,
  ) {
    if (sqlite.memory) this.thread = new MainThread(sqlite);
    else {
      this.thread = new WorkerThread({ file: sqlite.name, pragmas: sharedPragmas(sqlite) });
    }
  }

  /** Casts are coming (a phone has opened its slip): have the batches' thread ready for them. */
  warm(): void {
    this.thread.warm();
  }

  cast(msg: CastInput): Promise<CastOutcome> {
    return new Promise((resolve, reject) => {
      // Only what the batch reads crosses to the worker.
      this.queue.push({ msg: { slipId: msg.slipId, nonce: msg.nonce, sealed: msg.sealed, auth: msg.auth }, resolve, reject });
      this.schedule();
    });
  }

  /** After this turn of the event loop: the casts that arrive in it join the same batch. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.pump();
    });
  }

  /** Resolves when every cast queued so far has been answered. */
  async idle(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled || this.pumping || this.inFlight > 0) {
      if (this.inFlight > 0) await new Promise<void>((r) => this.answered.push(r));
      else await new Promise((r) => setImmediate(r));
    }
  }

  /** Answer what is queued, then stop the batches' thread (its connection closes). */
  async close(): Promise<void> {
    await this.idle();
    await this.thread.close();
  }

  /**
   * Holding Kysely's connection while batches run: no other request's transaction is open on
   * the file meanwhile (a batch never lands between its statements, and it never waits on the
   * batches' write lock holding a read). Other queries queue behind the hold, and run when it
   * is let go: when no batch is in flight, or after BATCHES_PER_HOLD batches.
   */
  private acquire(): Promise<void> {
    if (this.hold) return Promise.resolve();
    this.acquiring ??= new Promise<void>((resolve, reject) => {
      this.db
        .connection()
        .execute(
          () =>
            new Promise<void>((release) => {
              this.hold = { release, batches: 0 };
              this.acquiring = undefined;
              resolve();
            }),
        )
        .catch((err: unknown) => {
          this.acquiring = undefined;
          reject(err);
        });
    });
    return this.acquiring;
  }

  private letGo(): void {
    const hold = this.hold;
    this.hold = undefined;
    hold?.release();
  }

  /** Hand the thread batches while there are casts and room in flight. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.inFlight < BATCHES_IN_FLIGHT) {
        if (this.hold && this.hold.batches >= BATCHES_PER_HOLD) {
          // Others' turn: take no batch until these are answered, then let go and queue again.
          if (this.inFlight > 0) return;
          this.letGo();
        }
        await this.acquire();
        // Casts that arrived while the connection was awaited join this batch.
        const items = this.queue.splice(0, MAX_BATCH);
        this.hold!.batches++;
        this.inFlight++;
        void this.commit(items).finally(() => {
          this.inFlight--;
          if (this.queue.length > 0) this.schedule();
          else if (this.inFlight === 0) this.letGo();
          const answered = this.answered;
          this.answered = [];
          for (const r of answered) r();
        });
      }
    } catch (err) {
      // The connection could not be had (the database is closing): nobody is told "recorded".
      for (const item of this.queue.splice(0)) item.reject(err);
    } finally {
      this.pumping = false;
    }
  }

  /** One batch through the thread; every phone in it answered once its commit has returned. */
  private async commit(items: Pending[]): Promise<void> {
    let results: CastResult[];
    try {
      // The thread writes them in a random order (createBatchRunner) and answers in this one.
      results = await this.thread.run(items.map((item) => item.msg));
    } catch (err) {
      // A write or the commit failed (a full disk, an I/O error): the transaction is rolled
      // back and nobody is told "recorded"; the phones send the same casts again.
      const full = isStorageFull(err);
      if (full !== this.full || !full) this.onStorage(full, err);
      this.full = full;
      for (const item of items) item.reject(full ? new AppError('storage-full') : err);
      return;
    }
    if (this.full) {
      this.full = false;
      this.onStorage(false);
    }
    items.forEach((item, i) => {
      const r = results[i]!;
      if ('ok' in r) item.resolve(r.ok);
      else item.reject(new AppError(r.refused));
    });
  }
}
