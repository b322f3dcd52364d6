/** The tally committee (Ban kiểm phiếu) named in the minutes. */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { audit } from './audit';
import { randomId } from './ids';
import { cleanText, getSession } from './sessions';

export interface CommitteeMember {
  id: string;
  order: number;
  fullName: string;
  role: string;
}

export async function listCommittee(db: Kysely<Database>, sessionId: string): Promise<CommitteeMember[]> {
  const rows = await db
    .selectFrom('committee_members')
    .select(['id', 'member_order', 'full_name', 'role'])
    .where('session_id', '=', sessionId)
    .orderBy('member_order')
    .execute();
  return rows.map((r) => ({ id: r.id, order: r.member_order, fullName: r.full_name, role: r.role }));
}

/**
 * Replace the committee. Allowed until results are published: the committee is often
 * elected at the conference itself, after voting has been prepared. Given `actor`, audited
 * in the same transaction.
 */
export async function replaceCommittee(
  db: Kysely<Database>,
  sessionId: string,
  members: { fullName: string; role: string }[],
  actor?: string,
): Promise<CommitteeMember[]> {
  await inTransaction(db, async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.publishedAt !== null) throw new AppError('session-published');
    await trx.deleteFrom('committee_members').where('session_id', '=', sessionId).execute();
    const rows = members
      .map((m) => ({ fullName: cleanText(m.fullName), role: cleanText(m.role) }))
      .filter((m) => m.fullName !== '')
      .map((m, i) => ({ id: randomId(), session_id: sessionId, member_order: i + 1, full_name: m.fullName, role: m.role }));
    if (rows.length > 0) await trx.insertInto('committee_members').values(rows).execute();
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'committee.changed', detail: { count: rows.length } });
  });
  return listCommittee(db, sessionId);
}
