/** Issuing, listing and voiding ballot slips. */
import type { Kysely } from 'kysely';
import { MAX_SLIPS_PER_REQUEST } from '../../shared/api-contract';
import { AppError } from '../../shared/errors';
import { SLIP_ID_LENGTH, SLIP_SECRET_LENGTH, formatSlipCode, parseSlipCode, randomSymbols, slipPath } from '../../shared/slip-code';
import type { SlipRecord } from '../../shared/api-types';
import type { Database } from '../db/schema';
import { audit } from './audit';
import { getSession } from './sessions';
import { deriveSlipKeyNative } from './slip-keys';

export type { SlipRecord } from '../../shared/api-types';

/**
 * Issues run one after another. Fresh ids are picked against the ids already stored, and
 * inserted only after their keys are derived (off the main thread): two issues running at
 * once could pick the same id, and the second insert would fail on the primary key.
 */
let issuing: Promise<unknown> = Promise.resolve();

/**
 * scrypt jobs run in libuv's thread pool, which also reads files for static pages. Handing it
 * 2,000 jobs at once made a phone that opened its page during printing wait 13 s; a couple in
 * flight at a time (one per core) leaves room for everything else.
 */
const SCRYPT_IN_FLIGHT = 2;

async function deriveKeysBounded(slips: { id: string; secret: string }[]): Promise<Buffer[]> {
  const keys: Buffer[] = new Array(slips.length);
  let next = 0;
  const worker = async () => {
    while (next < slips.length) {
      const i = next++;
      keys[i] = await deriveSlipKeyNative(slips[i]!.id, slips[i]!.secret);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCRYPT_IN_FLIGHT, slips.length) }, worker));
  return keys;
}

/**
 * Issue `count` new random slips; returns them. Allowed until the session closes. Given
 * `actor`, audited in the transaction that writes them.
 */
export function issueSlips(db: Kysely<Database>, sessionId: string, count: number, actor?: string): Promise<SlipRecord[]> {
  const run = issuing.then(() => issueSlipsNow(db, sessionId, count, actor));
  issuing = run.catch(() => undefined);
  return run;
}

async function issueSlipsNow(db: Kysely<Database>, sessionId: string, count: number, actor: string | undefined): Promise<SlipRecord[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SLIPS_PER_REQUEST) throw new AppError('too-many-slips');
  const session = await getSession(db, sessionId);
  if (session.state === 'closed') throw new AppError('session-already-closed');
  const taken = new Set((await db.selectFrom('slips').select('id').execute()).map((r) => r.id));
  if (taken.size + count > 0.5 * 32 ** SLIP_ID_LENGTH) throw new AppError('too-many-slips');
  const fresh: { id: string; secret: string }[] = [];
  while (fresh.length < count) {
    const id = randomSymbols(SLIP_ID_LENGTH);
    if (taken.has(id)) continue;
    taken.add(id);
    fresh.push({ id, secret: randomSymbols(SLIP_SECRET_LENGTH) });
  }
  const keys = await deriveKeysBounded(fresh);
  await db.transaction().execute(async (trx) => {
    const current = await getSession(trx, sessionId);
    if (current.state === 'closed') throw new AppError('session-already-closed');
    for (let i = 0; i < fresh.length; i += 200) {
      await trx
        .insertInto('slips')
        .values(
          fresh.slice(i, i + 200).map((s, j) => ({
            id: s.id,
            session_id: sessionId,
            secret: s.secret,
            seal_key: keys[i + j]!,
            state: 'unused' as const,
          })),
        )
        .execute();
    }
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'slips.issued', detail: { count } });
  });
  return fresh.map((s) => toSlipRecord({ id: s.id, secret: s.secret, state: 'unused', printed: 0 }));
}

function toSlipRecord(row: { id: string; secret: string; state: SlipRecord['state']; printed: number }): SlipRecord {
  // A used slip of a closed vote has no secret left: only its id can be shown.
  const known = row.secret !== '';
  return {
    id: row.id,
    code: known ? formatSlipCode(row.id, row.secret) : row.id,
    path: known ? slipPath(row.id, row.secret) : `/b/${row.id}`,
    state: row.state,
    printed: row.printed,
  };
}

/** Slips of a session, in id order (which says nothing about who got which). */
export async function listSlips(
  db: Kysely<Database>,
  sessionId: string,
  state?: SlipRecord['state'],
): Promise<SlipRecord[]> {
  let query = db
    .selectFrom('slips')
    .select(['id', 'secret', 'state', 'printed'])
    .where('session_id', '=', sessionId)
    .orderBy('id');
  if (state) query = query.where('state', '=', state);
  return (await query.execute()).map(toSlipRecord);
}

/**
 * Void one unused slip, named by its id or its typed code. A used slip cannot be voided:
 * its ballot is in the box and cannot be found again.
 */
export async function voidSlip(db: Kysely<Database>, sessionId: string, idOrCode: string, actor?: string): Promise<string> {
  const parsed = parseSlipCode(idOrCode);
  const id = parsed ? parsed.id : idOrCode.trim().toUpperCase();
  return db.transaction().execute(async (trx) => {
    const slip = await trx
      .selectFrom('slips')
      .select(['id', 'state'])
      .where('id', '=', id)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!slip) throw new AppError('slip-unknown');
    if (slip.state === 'used') throw new AppError('slip-used');
    if (slip.state === 'void') throw new AppError('slip-void');
    const session = await getSession(trx, sessionId);
    if (session.state === 'closed') throw new AppError('session-already-closed');
    await trx.updateTable('slips').set({ state: 'void' }).where('id', '=', id).execute();
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'slips.voided', detail: { count: 1, slipId: id } });
    return id;
  });
}

/** Void every unused slip: done before opening, so phát ra counts only slips handed out. Given `actor`, audited with it. */
export async function voidUnusedSlips(db: Kysely<Database>, sessionId: string, actor?: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state === 'closed') throw new AppError('session-already-closed');
    const result = await trx
      .updateTable('slips')
      .set({ state: 'void' })
      .where('session_id', '=', sessionId)
      .where('state', '=', 'unused')
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'slips.voided', detail: { count, unused: true } });
    return count;
  });
}

/** How slips were printed, for the audit log: the print page or the PDF, of which slips. */
export interface PrintedAs {
  actor: string;
  format: 'html' | 'pdf';
  which: 'unused' | 'unprinted';
}

/** Record that slips were printed (counts only); given `printed`, audited in the same transaction. */
export async function markPrinted(db: Kysely<Database>, sessionId: string, ids: string[], printed?: PrintedAs): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('slips')
      .set((eb) => ({ printed: eb('printed', '+', 1) }))
      .where('session_id', '=', sessionId)
      .where('id', 'in', ids)
      .execute();
    if (printed) {
      const { actor, format, which } = printed;
      await audit(trx, { sessionId, actor, event: 'slips.printed', detail: { count: ids.length, format, which } });
    }
  });
}
