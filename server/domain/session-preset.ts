/**
 * A session's own copy of its preset, edited by the secretariat while the session is a
 * draft. The shipped preset it came from stays the reference: `presetId` never changes
 * here, and what the shipped preset locks (id, `sensitive`) cannot be edited away.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { findPreset, type Preset } from '../../shared/presets';
import { normalisePreset, presetProblems } from '../../shared/preset-validate';
import type { Database } from '../db/schema';
import { describeThresholds } from '../../shared/preset-describe';
import { audit } from './audit';
import { getSession } from './sessions';

async function draftWithShipped(db: Kysely<Database>, sessionId: string) {
  const session = await getSession(db, sessionId);
  if (session.state !== 'draft') throw new AppError('session-not-draft');
  const shipped = findPreset(session.presetId);
  if (!shipped) throw new AppError('unknown-preset');
  return { session, shipped };
}

/**
 * Replace the session's copy with `edited` (texts stored in NFC), and make its base the
 * session's base. Throws the first problem's code and changes nothing when it is not sound.
 * Given `actor`, the change is audited in the same transaction (as resetSessionPreset's).
 */
export async function setSessionPreset(db: Kysely<Database>, sessionId: string, edited: Preset, actor?: string): Promise<Preset> {
  return db.transaction().execute(async (trx) => {
    const { shipped } = await draftWithShipped(trx, sessionId);
    const preset = normalisePreset(edited);
    const [problem] = presetProblems(preset, shipped);
    if (problem) throw new AppError(problem);
    await trx
      .updateTable('vote_sessions')
      .set({ preset_json: JSON.stringify(preset), base: preset.base })
      .where('id', '=', sessionId)
      .execute();
    if (actor !== undefined) {
      const detail = {
        thresholds: describeThresholds(preset, 'vi'),
        quorum: `${preset.quorum.num}/${preset.quorum.den}`,
        base: preset.base,
        address: preset.address,
      };
      await audit(trx, { sessionId, actor, event: 'preset.changed', detail });
    }
    return preset;
  });
}

/** Copy the shipped preset again, dropping every edit; the session's base is kept when the shipped preset allows it. */
export async function resetSessionPreset(db: Kysely<Database>, sessionId: string, actor?: string): Promise<Preset> {
  return db.transaction().execute(async (trx) => {
    const { session, shipped } = await draftWithShipped(trx, sessionId);
    const base = shipped.baseOptions.includes(session.base) ? session.base : shipped.base;
    await trx
      .updateTable('vote_sessions')
      .set({ preset_json: JSON.stringify(shipped), base })
      .where('id', '=', sessionId)
      .execute();
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'preset.changed', detail: { reset: true } });
    return shipped;
  });
}

/** A duplicated session takes the source's copy (edits included) and its base. */
export async function copySessionPreset(db: Kysely<Database>, fromId: string, toId: string): Promise<void> {
  const source = await getSession(db, fromId);
  await db
    .updateTable('vote_sessions')
    .set({ preset_json: JSON.stringify(source.preset), base: source.base })
    .where('id', '=', toId)
    .where('state', '=', 'draft')
    .execute();
}
