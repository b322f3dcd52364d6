/**
 * The sealed ballot box (docs/security.md, section 0): sealing it to the tally committee's
 * k-of-n shares, and opening it with k of them after close. The private key of a sealed box
 * lives only in memory, for the moment it is split or used, and is zeroed afterwards.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { combine, split } from 'shamir-secret-sharing';
import { boxFingerprint, boxKeyPair, boxPublicKey, decodeBallot, receiptCode } from '../../shared/box';
import { formatShareCode, parseShareCode } from '../../shared/box-share';
import type { BoxHolder } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { audit } from './audit';
import { insertBallots } from './ballots';
import { boxOpener } from './box-open';
import { listCommittee } from './committee';
import { nowIso } from './ids';
import { scrubOrderTraces } from './lifecycle';
import { getSession, listPersons } from './sessions';

/** The fewest members who must present a share: a majority, never fewer than 2. */
export function defaultThreshold(members: number): number {
  return Math.max(2, Math.floor(members / 2) + 1);
}

function shareHash(sessionId: string, share: Uint8Array): Buffer {
  return createHash('sha256').update('tinnhiem/share/v1\0').update(sessionId).update('\0').update(share).digest();
}

export async function listHolders(db: Kysely<Database>, sessionId: string): Promise<BoxHolder[]> {
  const rows = await db
    .selectFrom('box_holders')
    .select(['holder_order', 'full_name', 'role'])
    .where('session_id', '=', sessionId)
    .orderBy('holder_order')
    .execute();
  return rows.map((r) => ({ order: r.holder_order, fullName: r.full_name, role: r.role }));
}

/**
 * Choose a sealed (the default) or an unsealed phone box while the vote is a draft.
 * Choosing unsealed forgets a sealing already made. Returns whether anything changed.
 */
export async function chooseSealed(db: Kysely<Database>, sessionId: string, sealed: boolean, actor: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    if (session.sealed === sealed) return false;
    await trx
      .updateTable('vote_sessions')
      .set({ sealed: sealed ? 1 : 0, box_public: null, box_threshold: null, box_sealed_at: null })
      .where('id', '=', sessionId)
      .execute();
    await trx.deleteFrom('box_holders').where('session_id', '=', sessionId).execute();
    await audit(trx, { sessionId, actor, event: sealed ? 'box.sealed-chosen' : 'box.unsealed-chosen' });
    return true;
  });
}

export interface IssuedShare extends BoxHolder {
  /** The member's share as typed (and as the QR holds it). Shown once, never stored. */
  code: string;
}

/**
 * Seal the box (niêm phong): a new key pair, its private key split k-of-n among the
 * committee and zeroed. Sealing again in draft makes a new key and voids the old shares.
 */
export async function sealBox(
  db: Kysely<Database>,
  sessionId: string,
  threshold: number | undefined,
  actor: string,
): Promise<{ shares: IssuedShare[]; threshold: number }> {
  const session = await getSession(db, sessionId);
  if (session.state !== 'draft') throw new AppError('session-not-draft');
  if (!session.sealed) throw new AppError('box-unsealed');
  const committee = await listCommittee(db, sessionId);
  if (committee.length < 2) throw new AppError('box-committee-too-small');
  const k = threshold ?? defaultThreshold(committee.length);
  if (!Number.isInteger(k) || k < 2 || k > committee.length) throw new AppError('box-bad-threshold');
  const { secretKey, publicKey } = boxKeyPair();
  const shares = await split(secretKey, committee.length, k);
  secretKey.fill(0);
  const resealed = session.box.publicKey !== null;
  await db.transaction().execute(async (trx) => {
    const current = await getSession(trx, sessionId);
    if (current.state !== 'draft' || !current.sealed) throw new AppError('session-not-draft');
    await trx.deleteFrom('box_holders').where('session_id', '=', sessionId).execute();
    await trx
      .insertInto('box_holders')
      .values(
        committee.map((m, i) => ({
          session_id: sessionId,
          holder_order: i + 1,
          full_name: m.fullName,
          role: m.role,
          share_hash: shareHash(sessionId, shares[i]!),
        })),
      )
      .execute();
    await trx
      .updateTable('vote_sessions')
      .set({ box_public: Buffer.from(publicKey), box_threshold: k, box_sealed_at: nowIso() })
      .where('id', '=', sessionId)
      .execute();
    await audit(trx, { sessionId, actor, event: 'box.sealed', detail: { threshold: k, holders: committee.length, resealed } });
  });
  const issued = committee.map((m, i) => ({ order: i + 1, fullName: m.fullName, role: m.role, code: formatShareCode(shares[i]!) }));
  for (const s of shares) s.fill(0);
  return { shares: issued, threshold: k };
}

/** At opening, an unsealed box gets its key pair, kept in the database (the choice the minutes print). */
export async function prepareUnsealedBox(trx: Transaction<Database>, sessionId: string): Promise<void> {
  const { secretKey, publicKey } = boxKeyPair();
  await trx
    .updateTable('vote_sessions')
    .set({ box_public: Buffer.from(publicKey), box_secret: Buffer.from(secretKey) })
    .where('id', '=', sessionId)
    .execute();
  secretKey.fill(0);
}

/**
 * Shares presented so far, per session, in this process's memory only: a restart forgets
 * them and the members present them again.
 */
export class PresentedShares {
  private readonly bySession = new Map<string, Map<number, Uint8Array>>();
  private readonly queue = new Map<string, Promise<unknown>>();

  orders(sessionId: string): number[] {
    return [...(this.bySession.get(sessionId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  forget(sessionId: string): void {
    for (const share of this.bySession.get(sessionId)?.values() ?? []) share.fill(0);
    this.bySession.delete(sessionId);
  }

  /** Run presentations of one session one at a time. */
  serial<T>(sessionId: string, run: () => Promise<T>): Promise<T> {
    const next = (this.queue.get(sessionId) ?? Promise.resolve()).then(run, run);
    this.queue.set(sessionId, next.catch(() => undefined));
    return next;
  }

  add(sessionId: string, order: number, share: Uint8Array): void {
    let shares = this.bySession.get(sessionId);
    if (!shares) this.bySession.set(sessionId, (shares = new Map()));
    shares.set(order, share);
  }

  get(sessionId: string): Uint8Array[] {
    return [...(this.bySession.get(sessionId)?.values() ?? [])];
  }
}

export interface PresentOutcome {
  holder: BoxHolder;
  presented: number[];
  threshold: number;
  opened: boolean;
}

/**
 * A member presents a share (mở hòm phiếu). A wrong or repeated share is refused and
 * changes nothing. With k shares the box is opened.
 */
export function presentShare(
  db: Kysely<Database>,
  pending: PresentedShares,
  sessionId: string,
  code: string,
  actor: string,
): Promise<PresentOutcome> {
  return pending.serial(sessionId, async () => {
    const session = await getSession(db, sessionId);
    if (!session.sealed || session.box.publicKey === null) throw new AppError('box-unsealed');
    if (session.box.openedAt !== null) throw new AppError('box-already-opened');
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    const share = parseShareCode(code);
    if (!share) throw new AppError('box-share-format');
    const hash = shareHash(sessionId, share);
    const rows = await db.selectFrom('box_holders').selectAll().where('session_id', '=', sessionId).orderBy('holder_order').execute();
    const match = rows.find((r) => r.share_hash.length === hash.length && timingSafeEqual(r.share_hash, hash));
    if (!match) throw new AppError('box-share-wrong');
    const holder = { order: match.holder_order, fullName: match.full_name, role: match.role };
    if (pending.orders(sessionId).includes(holder.order)) throw new AppError('box-share-again');
    pending.add(sessionId, holder.order, share);
    const threshold = session.box.threshold!;
    if (pending.orders(sessionId).length < threshold) return { holder, presented: pending.orders(sessionId), threshold, opened: false };
    const presented = pending.orders(sessionId);
    const holders = rows.filter((r) => presented.includes(r.holder_order)).map((r) => r.full_name);
    const secret = await combine(pending.get(sessionId));
    pending.forget(sessionId);
    try {
      if (!timingSafeEqual(Buffer.from(boxPublicKey(secret)), Buffer.from(session.box.publicKey, 'base64url'))) {
        throw new AppError('box-share-wrong');
      }
      await openBox(db, sessionId, secret, { actor, holders });
    } finally {
      secret.fill(0);
    }
    return { holder, presented, threshold, opened: true };
  });
}

/** Fisher–Yates with the system's CSPRNG. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Decrypt every sealed ballot in memory and, in one transaction, write the plaintexts
 * shuffled under fresh ids, the sorted tracking codes and the box's fingerprint, and delete
 * the ciphertexts. A kill -9 before the commit leaves the box locked as it was.
 */
export async function openBox(
  db: Kysely<Database>,
  sessionId: string,
  secret: Uint8Array,
  who: { actor: string; holders: string[] },
): Promise<{ phoneBallots: number; spoilt: number }> {
  const session = await getSession(db, sessionId);
  const personIds = (await listPersons(db, sessionId)).map((p) => p.id);
  const levelIds = session.preset.levels.map((l) => l.id);
  const sealedRows = await db.selectFrom('sealed_ballots').select(['sealed']).where('session_id', '=', sessionId).execute();
  let spoilt = 0;
  const publicKey = Buffer.from(session.box.publicKey!, 'base64url');
  const open = boxOpener(sessionId, secret, publicKey);
  const ballots = shuffle(
    sealedRows.map((row) => {
      const plain = open(row.sealed);
      const marks = plain && decodeBallot(plain, personIds, levelIds);
      plain?.fill(0);
      if (marks) return marks;
      spoilt++;
      return Object.fromEntries(personIds.map((id) => [id, null])) as Record<string, string | null>;
    }),
  );
  const codes = sealedRows.map((row) => receiptCode(row.sealed)).sort();
  const fingerprint = boxFingerprint(publicKey, codes);
  await db.transaction().execute(async (trx) => {
    const current = await getSession(trx, sessionId);
    if (current.box.openedAt !== null) throw new AppError('box-already-opened');
    await insertBallots(trx, sessionId, 'phone', ballots);
    for (let i = 0; i < codes.length; i += 500) {
      await trx
        .insertInto('receipts')
        .values(codes.slice(i, i + 500).map((code) => ({ session_id: sessionId, code })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.deleteFrom('sealed_ballots').where('session_id', '=', sessionId).execute();
    await trx
      .updateTable('vote_sessions')
      .set({ box_opened_at: nowIso(), box_spoilt: spoilt, box_fingerprint: fingerprint })
      .where('id', '=', sessionId)
      .execute();
    await audit(trx, {
      sessionId,
      actor: who.actor,
      event: 'box.opened',
      detail: { phoneBallots: sealedRows.length, spoilt, holders: who.holders.join(', ') },
    });
  });
  await scrubOrderTraces(db, sessionId, who.actor);
  return { phoneBallots: sealedRows.length, spoilt };
}

/** The published list of tracking codes of an opened box. */
export async function listReceipts(db: Kysely<Database>, sessionId: string): Promise<string[]> {
  const rows = await db.selectFrom('receipts').select('code').where('session_id', '=', sessionId).orderBy('code').execute();
  return rows.map((r) => r.code);
}
