/**
 * This machine's own limits, for the bench to set the app's figures beside: how long the disk
 * takes to flush, and how fast better-sqlite3 alone commits the rows a sealed cast writes.
 */
import Sqlite from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SEALED_BYTES } from '../../shared/box';
import { percentile } from './bench-process';

/** Append 4 KiB and fsync, `writes` times (stopping after `maxMs`): median and p99 of one flush, in ms. */
export function measureFsync(dir: string, opts: { writes?: number; maxMs?: number } = {}): { medianMs: number; p99Ms: number } {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const block = randomBytes(4096);
  const times: number[] = [];
  const until = performance.now() + (opts.maxMs ?? 3000);
  try {
    for (let i = 0; i < (opts.writes ?? 300) && performance.now() < until; i++) {
      writeSync(fd, block);
      const t = performance.now();
      fsyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 50), p99Ms: percentile(times, 99) };
}

export interface RawSqliteFigures {
  /** One transaction a cast: commits (= casts) per second. */
  commitsPerSec: number;
  /** The same casts 100 to a transaction: casts per second. */
  batchRowsPerSec: number;
}

/**
 * The writes of `rows` sealed casts on better-sqlite3 alone, with the server's pragmas (WAL,
 * synchronous=FULL, foreign keys, secure_delete, a 2 MiB page cache) and the same tables and
 * indexes: read the slip and the session, mark the slip used, store the ciphertext. First one
 * transaction each, then in batches of 100, each on a fresh file.
 */
export function measureRawSqlite(dir: string, rows: number): RawSqliteFigures {
  const run = (batch: number): number => {
    const file = join(dir, `raw-${batch}.db`);
    const db = new Sqlite(file);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      db.pragma('cache_size = -2000');
      db.exec(`
        create table vote_sessions (id text primary key, state text not null, sealed integer not null, box_secret blob, preset_json text not null);
        create table slips (id text primary key, session_id text not null references vote_sessions(id) on delete cascade,
          secret text not null, seal_key blob not null, state text not null check (state in ('unused','used','void')),
          nonce_hash blob, printed integer not null default 0, proof_hash blob);
        create index slips_session on slips (session_id, state);
        create table sealed_ballots (id blob primary key, session_id text not null references vote_sessions(id) on delete cascade,
          sealed blob not null) without rowid;
        create index sealed_ballots_session on sealed_ballots(session_id);`);
      db.prepare(`insert into vote_sessions values ('s1', 'open', 1, null, '{}')`).run();
      const addSlip = db.prepare(`insert into slips (id, session_id, secret, seal_key, state) values (?, 's1', 'SECRET7', ?, 'unused')`);
      db.transaction(() => {
        for (let i = 0; i < rows; i++) addSlip.run(`S${i}`, randomBytes(32));
      })();
      const slip = db.prepare('select id, session_id, seal_key, state, nonce_hash, proof_hash from slips where id = ?');
      const session = db.prepare('select state, sealed, box_secret, preset_json from vote_sessions where id = ?');
      const useSlip = db.prepare(`update slips set state = 'used', nonce_hash = ? where id = ? and state = 'unused'`);
      const insertSealed = db.prepare('insert into sealed_ballots (id, session_id, sealed) values (?, ?, ?)');
      // Made beforehand: the figure is SQLite's alone.
      const casts = Array.from({ length: rows }, (_, i) => ({ slipId: `S${i}`, nonceHash: randomBytes(32), id: randomBytes(16), sealed: randomBytes(SEALED_BYTES) }));
      const castMany = db.transaction((from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const cast = casts[i]!;
          slip.get(cast.slipId);
          session.get('s1');
          if (useSlip.run(cast.nonceHash, cast.slipId).changes !== 1) throw new Error('slip already used');
          insertSealed.run(cast.id, 's1', cast.sealed);
        }
      });
      const t = performance.now();
      for (let i = 0; i < rows; i += batch) castMany(i, Math.min(rows, i + batch));
      return (rows / (performance.now() - t)) * 1000;
    } finally {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    }
  };
  return { commitsPerSec: run(1), batchRowsPerSec: run(100) };
}
