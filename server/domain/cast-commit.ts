/**
 * The cast's hot path: group commit on prepared statements.
 *
 * Casts that arrive in the same turn of the event loop, or while a commit is running, share
 * one SQLite transaction and one fsync. Each is checked before anything of it is written, so
 * one refused cast never fails the others; a batch is written in random order; and every
 * phone is answered only after the commit that holds its ballot (synchronous=FULL). This file
 * is what runs on the database, in whichever thread holds the connection (cast-worker.ts, or
 * the main thread for an in-memory database); cast-committer.ts collects the casts.
 */
import type Sqlite from 'better-sqlite3';
import { createHmac, hash, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';
import { decodeBallot, receiptCode, SEALED_TEXT_LENGTH } from '../../shared/box';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { Preset } from '../../shared/presets';
import type { CastMessage } from '../../shared/protocol';
import { boxOpener } from './box-open';

/** The label `castAuthInput` (shared/box.ts) puts first. */
const CAST_AUTH_LABEL = 'tinnhiem/cast/v1';

export type CastInput = Pick<CastMessage, 'slipId' | 'nonce' | 'sealed' | 'auth'>;
export type CastOutcome = { sessionId: string; already: boolean };

/**
 * A batch as it crosses to the worker: each cast's four strings one after another
 * (slipId, nonce, sealed, auth). A flat array of strings is cloned without walking one
 * object's keys a cast.
 */
export type PackedCasts = string[];

export function packCasts(casts: readonly CastInput[]): PackedCasts {
  const packed = new Array<string>(casts.length * 4);
  casts.forEach((c, i) => {
    packed[4 * i] = c.slipId;
    packed[4 * i + 1] = c.nonce;
    packed[4 * i + 2] = c.sealed;
    packed[4 * i + 3] = c.auth;
  });
  return packed;
}

export function unpackCasts(packed: PackedCasts): CastInput[] {
  const casts = new Array<CastInput>(packed.length / 4);
  for (let i = 0; i < casts.length; i++) casts[i] = { slipId: packed[4 * i]!, nonce: packed[4 * i + 1]!, sealed: packed[4 * i + 2]!, auth: packed[4 * i + 3]! };
  return casts;
}

/** SHA-256 of a text, one-shot: no Hash object a call (it runs on every cast). */
export function sha256(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

const LENGTH_PREFIX = Buffer.alloc(4);

/**
 * `castAuth` of shared/box.ts, computed natively: the same bytes (`framed`'s 4-byte
 * big-endian length before each part), fed to the HMAC part by part instead of copied into
 * one buffer first.
 */
export function castAuthNative(slipKey: Uint8Array, sessionId: string, slipId: string, nonce: string, sealedText: string): Buffer {
  const hmac = createHmac('sha256', slipKey);
  for (const part of [CAST_AUTH_LABEL, sessionId, slipId, nonce, sealedText]) {
    LENGTH_PREFIX.writeUInt32BE(Buffer.byteLength(part), 0);
    hmac.update(LENGTH_PREFIX);
    hmac.update(part, 'utf8');
  }
  return hmac.digest();
}

/** A slip with the state of its session, in one read. */
interface SlipRow {
  id: string;
  session_id: string;
  seal_key: Buffer;
  state: 'unused' | 'used' | 'void';
  nonce_hash: Buffer | null;
  proof_hash: Buffer | null;
  session_state: string;
  sealed: number;
  box_secret: Buffer | null;
  box_public: Buffer | null;
  opened_at: string | null;
}

/** The statements of the cast, prepared once. */
export function prepareCastStatements(sqlite: Sqlite.Database) {
  return {
    slip: sqlite.prepare<[string], SlipRow>(
      `select s.id, s.session_id, s.seal_key, s.state, s.nonce_hash, s.proof_hash,
              v.state as session_state, v.sealed, v.box_secret, v.box_public, v.opened_at
         from slips s join vote_sessions v on v.id = s.session_id where s.id = ?`,
    ),
    preset: sqlite.prepare<[string], { preset_json: string }>('select preset_json from vote_sessions where id = ?'),
    persons: sqlite.prepare<[string], { id: string }>('select id from persons where session_id = ? order by position_order'),
    useSlip: sqlite.prepare<[Buffer, string]>(`update slips set state = 'used', nonce_hash = ? where id = ? and state = 'unused'`),
    insertSealed: sqlite.prepare<[Buffer, string, Buffer]>('insert into sealed_ballots (id, session_id, sealed) values (?, ?, ?)'),
    insertBallot: sqlite.prepare<[Buffer, string]>(`insert into ballots (id, session_id, source) values (?, ?, 'phone')`),
    insertMark: sqlite.prepare<[Buffer, string, string | null]>('insert into marks (ballot_id, person_id, level) values (?, ?, ?)'),
    insertReceipt: sqlite.prepare<[string, string]>('insert or ignore into receipts (session_id, code) values (?, ?)'),
  };
}
export type CastStatements = ReturnType<typeof prepareCastStatements>;

interface BallotShape {
  openedAt: string | null;
  personIds: string[];
  levelIds: string[];
  /** Opens the box's seals (box-open.ts); null when the box has no key to open them. */
  open: ((sealed: Uint8Array) => Uint8Array | null) | null;
}

/**
 * What an unsealed box's casts decode against: the session's people and levels, and an
 * opener for its key, made once per opening of voting instead of on every cast. People,
 * preset and box key cannot change once voting is open (they are set in draft and at
 * opening); the entry is keyed by the time voting opened, and dropped as soon as a cast finds
 * the session no longer open.
 */
export class BallotShapes {
  private readonly bySession = new Map<string, BallotShape>();

  get(stmts: CastStatements, slip: Pick<SlipRow, 'session_id' | 'opened_at' | 'box_secret' | 'box_public'>): BallotShape {
    const sessionId = slip.session_id;
    const known = this.bySession.get(sessionId);
    if (known && known.openedAt === slip.opened_at) return known;
    const personIds = stmts.persons.all(sessionId).map((p) => p.id);
    const levelIds = (JSON.parse(stmts.preset.get(sessionId)!.preset_json) as Preset).levels.map((l) => l.id);
    const open = slip.box_secret && slip.box_public ? boxOpener(sessionId, slip.box_secret, slip.box_public) : null;
    const shape = { openedAt: slip.opened_at, personIds, levelIds, open };
    this.bySession.set(sessionId, shape);
    return shape;
  }

  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }
}

/** Random row ids for one batch, drawn from the CSPRNG in one call. */
export class RowIds {
  private pool: Buffer = Buffer.alloc(0);
  private at = 0;

  /** Room for `n` ids (a batch's worth; more are drawn if a batch needs them). */
  refill(n: number): void {
    this.pool = randomBytes(16 * Math.max(1, n));
    this.at = 0;
  }

  next(): Buffer {
    if (this.at + 16 > this.pool.length) this.refill(8);
    const id = this.pool.subarray(this.at, this.at + 16);
    this.at += 16;
    return id;
  }
}

/**
 * Check and write one cast inside the batch's transaction; it throws an AppError to refuse.
 * Every check comes before the first write, and a write either succeeds or fails the whole
 * batch, so a refused cast has written nothing and needs no savepoint of its own.
 * A retry with the same nonce after a lost acknowledgement is "already recorded"; any other
 * second use of the slip is refused. A sealed box stores the ciphertext it cannot read; an
 * unsealed box decrypts it now.
 */
export function writeCast(stmts: CastStatements, shapes: BallotShapes, ids: RowIds, msg: CastInput): CastOutcome {
  // Until the cast proves the slip's secret, every id and every state answer alike
  // (`bad-seal`): short slip ids cannot be scanned, nor polled to learn who has voted.
  const slip = stmts.slip.get(msg.slipId);
  if (!slip) throw new AppError('bad-seal');
  const nonceHash = sha256(msg.nonce);
  // A retry of the accepted cast: the nonce, known only to that phone, is its proof.
  if (slip.state === 'used' && slip.nonce_hash && timingSafeEqual(slip.nonce_hash, nonceHash)) return { sessionId: slip.session_id, already: true };
  // A used slip of a closed vote has no key left (see forgetUsedSlipKeys): nothing can be proven.
  if (slip.proof_hash) throw new AppError('bad-seal');
  const auth = Buffer.from(msg.auth, 'base64url');
  const expected = castAuthNative(slip.seal_key, slip.session_id, slip.id, msg.nonce, msg.sealed);
  if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) throw new AppError('bad-seal');
  if (slip.state === 'void') throw new AppError('slip-void');
  if (slip.state === 'used') throw new AppError('slip-used');
  if (slip.session_state !== 'open') {
    shapes.forget(slip.session_id);
    throw new AppError('session-not-open');
  }
  if (msg.sealed.length !== SEALED_TEXT_LENGTH) throw new AppError('bad-ballot');
  // The message's check has proven the alphabet and the exact length; Node decodes natively.
  const sealed = Buffer.from(msg.sealed, 'base64url');
  let marks: Record<string, string | null> | null = null;
  let personIds: readonly string[] = [];
  if (slip.sealed !== 1) {
    const shape = shapes.get(stmts, slip);
    personIds = shape.personIds;
    const plain = shape.open?.(sealed);
    marks = plain ? decodeBallot(plain, personIds, shape.levelIds) : null;
    plain?.fill(0);
    if (!marks) throw new AppError('bad-ballot');
  }
  if (stmts.useSlip.run(nonceHash, slip.id).changes !== 1) throw new AppError('slip-used');
  if (marks) {
    const id = ids.next();
    stmts.insertBallot.run(id, slip.session_id);
    for (const personId of personIds) stmts.insertMark.run(id, personId, marks[personId] ?? null);
    // An unsealed box's tracking codes are kept as they come (stored in code order) and
    // published at close; a sealed box's are taken from its ciphertexts when it is opened.
    stmts.insertReceipt.run(slip.session_id, receiptCode(sealed));
  } else {
    stmts.insertSealed.run(ids.next(), slip.session_id, sealed);
  }
  return { sessionId: slip.session_id, already: false };
}

/** SQLite's answer when the disk (or the filesystem's quota) is full. */
export function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC';
}

/** An error that is not a refusal of one cast ends the whole batch: nothing in it is kept. */
class BatchFailed extends Error {
  constructor(readonly failure: unknown) {
    super('batch failed');
  }
}

/** One cast's answer from its batch: written (or a retry recognised), or refused with a code. */
export type CastResult = { ok: CastOutcome } | { refused: ErrorCode };

/**
 * A batch's answers as they cross back from the worker, one string a cast: `+` and the
 * session's id (written), `=` and the session's id (a retry, already recorded), or `!` and the
 * refusal's code.
 */
export type PackedResults = string[];

export function packResults(results: readonly CastResult[]): PackedResults {
  return results.map((r) => ('ok' in r ? (r.ok.already ? '=' : '+') + r.ok.sessionId : `!${r.refused}`));
}

export function unpackResult(packed: string): CastResult {
  const tag = packed[0];
  const rest = packed.slice(1);
  return tag === '!' ? { refused: rest as ErrorCode } : { ok: { sessionId: rest, already: tag === '=' } };
}

/**
 * A random permutation of 0 … n − 1 (Fisher–Yates), drawn from the CSPRNG in one call: one
 * 32-bit word per step, a word past the largest multiple of the range drawn again (no bias).
 */
export function randomOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const words = randomFillSync(new Uint32Array(n));
  for (let i = n - 1; i > 0; i--) {
    const range = i + 1;
    const limit = 2 ** 32 - (2 ** 32 % range);
    let word = words[i]!;
    while (word >= limit) word = randomFillSync(new Uint32Array(1))[0]!;
    const j = word % range;
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * A batch of casts on this connection: one immediate transaction, each cast checked and
 * written on its own, in a random order (the file's pages and row order say nothing of
 * arrival order), one commit. Returns an answer per cast, in the order given; a write or the
 * commit failing throws that error, with the whole batch rolled back.
 */
export function createBatchRunner(sqlite: Sqlite.Database): (casts: readonly CastInput[]) => CastResult[] {
  const stmts = prepareCastStatements(sqlite);
  const shapes = new BallotShapes();
  const ids = new RowIds();
  const batch = sqlite.transaction((casts: readonly CastInput[]) => {
    ids.refill(casts.length);
    const results = new Array<CastResult>(casts.length);
    for (const i of randomOrder(casts.length)) {
      try {
        results[i] = { ok: writeCast(stmts, shapes, ids, casts[i]!) };
      } catch (err) {
        if (!(err instanceof AppError)) throw new BatchFailed(err);
        results[i] = { refused: err.code };
      }
    }
    return results;
  });
  return (casts) => {
    try {
      // IMMEDIATE: the write lock from the start, never a read that cannot become a write.
      return batch.immediate(casts);
    } catch (caught) {
      throw caught instanceof BatchFailed ? caught.failure : caught;
    }
  };
}
