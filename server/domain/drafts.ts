/**
 * Drafts as wholes: deleting one, and duplicating a vote (a conference runs several on the same day). The copy is a new draft with
 * the source's details, its preset as edited, its people and its committee, and no slips;
 * all of it and its `session.duplicated` row are one transaction, so a crash leaves no half copy.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { audit } from './audit';
import { listCommittee, replaceCommittee } from './committee';
import { copySessionPreset } from './session-preset';
import { createSession, getSession, listPersons, replacePersons } from './sessions';

export function duplicateSession(db: Kysely<Database>, fromId: string, actor: string): Promise<string> {
  return inTransaction(db, async (trx) => {
    const source = await getSession(trx, fromId);
    const copyId = await createSession(trx, {
      title: `${source.title} (bản sao)`.slice(0, 300),
      organisation: source.organisation,
      place: source.place,
      locality: source.locality,
      heldOn: source.heldOn,
      presetId: source.presetId,
      summoned: source.summoned,
      present: source.present,
    });
    await copySessionPreset(trx, fromId, copyId);
    await replacePersons(trx, copyId, (await listPersons(trx, fromId)).map((p) => ({ fullName: p.fullName, position: p.position })));
    await replaceCommittee(trx, copyId, await listCommittee(trx, fromId));
    await audit(trx, { sessionId: copyId, actor, event: 'session.duplicated', detail: { from: fromId } });
    return copyId;
  });
}

/**
 * Delete a draft and everything it holds (people, slips, committee, by the schema's cascades),
 * audited in the same transaction. An opened session's record belongs to the minutes.
 */
export async function deleteDraftSession(db: Kysely<Database>, id: string, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, id);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    await trx.deleteFrom('vote_sessions').where('id', '=', id).where('state', '=', 'draft').execute();
    await audit(trx, { sessionId: null, actor, event: 'session.deleted', detail: { sessionId: id, title: session.title } });
  });
}
