/** Vote sessions and the people they rate: plain functions taking `db` (or a transaction) first. */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../shared/errors';
import { CONTROL_RE, personError } from '../../shared/csv';
import { DEFAULT_ADDRESS } from '../../shared/address';
import { findPreset, type BaseId, type Preset } from '../../shared/presets';
import type { PersonRecord, SessionInput, SessionRecord } from '../../shared/api-types';
import type { BallotSessionView, Turnout } from '../../shared/protocol';
import type { Database, VoteSessionsTable } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { audit } from './audit';
import { nowIso, randomId } from './ids';

export type { PersonRecord, SessionInput, SessionRecord } from '../../shared/api-types';

export interface PersonInput {
  fullName: string;
  position: string;
}

/**
 * Every text a person types into the record (titles, places, names, positions, roles) is
 * stored in NFC, trimmed, with inner runs of white space folded. Hidden direction marks,
 * zero-width and control characters are refused: they make text print differently from how
 * it looks, or two names look alike.
 */
export function cleanText(text: string): string {
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (CONTROL_RE.test(clean)) throw new AppError('hidden-chars');
  return clean;
}

/** A real day of the calendar written YYYY-MM-DD (the schema checks only the digits). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What the schema cannot see: a title of white space only, a date not on the calendar. */
function checkSessionInput(input: Partial<SessionInput>): void {
  if (input.title !== undefined && cleanText(input.title) === '') throw new AppError('empty-title');
  if (input.heldOn !== undefined && !isCalendarDate(input.heldOn)) throw new AppError('bad-date');
}

/**
 * A session's copy saved before presets carried a field gets the shipped preset's value (or
 * the project's default), so older data files read as if the field had always been there.
 */
function withPresetDefaults(preset: Preset): Preset {
  return preset.address ? preset : { ...preset, address: findPreset(preset.id)?.address ?? DEFAULT_ADDRESS };
}

function toRecord(row: Selectable<VoteSessionsTable>): SessionRecord {
  return {
    id: row.id,
    title: row.title,
    organisation: row.organisation,
    place: row.place,
    locality: row.locality,
    heldOn: row.held_on,
    presetId: row.preset_id,
    preset: withPresetDefaults(JSON.parse(row.preset_json) as Preset),
    base: row.base as BaseId,
    summoned: row.summoned,
    present: row.present,
    state: row.state,
    quorumOverride: row.quorum_override === 1,
    liveResults: row.live_results === 1,
    paperIssued: row.paper_issued,
    displayKey: row.display_key,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    publishedAt: row.published_at,
    sealed: row.sealed === 1,
    tracesPending: row.traces_pending === 1,
    box: {
      publicKey: row.box_public ? row.box_public.toString('base64url') : null,
      threshold: row.box_threshold,
      sealedAt: row.box_sealed_at,
      openedAt: row.box_opened_at,
      spoilt: row.box_spoilt,
      fingerprint: row.box_fingerprint,
    },
  };
}

function resolvePreset(presetId: string, base: BaseId | undefined): { preset: Preset; base: BaseId } {
  const preset = findPreset(presetId);
  if (!preset) throw new AppError('unknown-preset');
  const chosen = base ?? preset.base;
  if (!preset.baseOptions.includes(chosen)) throw new AppError('bad-base');
  return { preset, base: chosen };
}

/** Create a draft session; given `actor`, audited in the same transaction. */
export async function createSession(db: Kysely<Database>, input: SessionInput, actor?: string): Promise<string> {
  checkSessionInput(input);
  const { preset, base } = resolvePreset(input.presetId, input.base);
  const id = randomId();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('vote_sessions')
      .values({
        id,
        title: cleanText(input.title),
        organisation: cleanText(input.organisation),
        place: cleanText(input.place),
        locality: cleanText(input.locality ?? ''),
        held_on: input.heldOn,
        preset_id: preset.id,
        preset_json: JSON.stringify(preset),
        base,
        summoned: input.summoned,
        present: input.present,
        state: 'draft',
        display_key: randomBytes(18).toString('base64url'),
        created_at: nowIso(),
      })
      .execute();
    if (actor !== undefined) await audit(trx, { sessionId: id, actor, event: 'session.created', detail: { presetId: input.presetId } });
  });
  return id;
}

export async function findSession(db: Kysely<Database>, id: string): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom('vote_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function getSession(db: Kysely<Database>, id: string): Promise<SessionRecord> {
  const session = await findSession(db, id);
  if (!session) throw new AppError('session-not-found');
  return session;
}

export async function listSessions(db: Kysely<Database>): Promise<SessionRecord[]> {
  const rows = await db.selectFrom('vote_sessions').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toRecord);
}

/** Edit a draft session. Changing the preset re-copies it. Given `actor`, audited in the same transaction. */
export async function updateSession(db: Kysely<Database>, id: string, patch: Partial<SessionInput>, actor?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, id);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    checkSessionInput(patch);
    const presetChanged = patch.presetId !== undefined && patch.presetId !== session.presetId;
    // Without a change of preset, the base must be one the session's own (perhaps edited) copy allows.
    const { preset, base } = presetChanged
      ? resolvePreset(patch.presetId!, patch.base)
      : { preset: session.preset, base: patch.base ?? session.base };
    if (!preset.baseOptions.includes(base)) throw new AppError('bad-base');
    await trx
      .updateTable('vote_sessions')
      .set({
        title: patch.title === undefined ? undefined : cleanText(patch.title),
        organisation: patch.organisation === undefined ? undefined : cleanText(patch.organisation),
        place: patch.place === undefined ? undefined : cleanText(patch.place),
        locality: patch.locality === undefined ? undefined : cleanText(patch.locality),
        held_on: patch.heldOn,
        preset_id: preset.id,
        preset_json: presetChanged ? JSON.stringify(preset) : undefined,
        base,
        summoned: patch.summoned,
        present: patch.present,
      })
      .where('id', '=', id)
      .execute();
    if (actor !== undefined) await audit(trx, { sessionId: id, actor, event: 'session.updated', detail: { fields: Object.keys(patch) } });
  });
}

export async function listPersons(db: Kysely<Database>, sessionId: string): Promise<PersonRecord[]> {
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'position_order', 'full_name', 'position'])
    .where('session_id', '=', sessionId)
    .orderBy('position_order')
    .execute();
  return rows.map((r) => ({ id: r.id, order: r.position_order, fullName: r.full_name, position: r.position }));
}

/** How a list of people came from a file: the rows imported, appended to the list or replacing it. */
export interface PersonsImport {
  imported: number;
  mode: 'append' | 'replace';
}

/**
 * Replace the list of people rated (add, edit, reorder, remove in one step), keeping the
 * id of each person whose `id` is given and still belongs to the session. Given `actor`,
 * audited in the same transaction (with how the rows were imported, when they were).
 */
export async function replacePersons(
  db: Kysely<Database>,
  sessionId: string,
  persons: (PersonInput & { id?: string })[],
  actor?: string,
  imported?: PersonsImport,
): Promise<PersonRecord[]> {
  await inTransaction(db, async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    const existing = new Set((await listPersons(trx, sessionId)).map((p) => p.id));
    const kept = new Set<string>();
    const rows = persons.map((p, index) => {
      // The same rules as an imported row, checked before anything is written: no blank name
      // (an empty line on every ballot), no hidden control or direction marks.
      const problem = personError(p.fullName, p.position);
      if (problem) throw new AppError(problem);
      const fullName = cleanText(p.fullName);
      const id = p.id && existing.has(p.id) && !kept.has(p.id) ? p.id : randomId();
      kept.add(id);
      return { id, session_id: sessionId, position_order: index + 1, full_name: fullName, position: cleanText(p.position) };
    });
    const removed = [...existing].filter((id) => !kept.has(id));
    if (removed.length > 0) await trx.deleteFrom('persons').where('id', 'in', removed).execute();
    for (const row of rows) {
      if (existing.has(row.id)) {
        await trx
          .updateTable('persons')
          .set({ position_order: row.position_order, full_name: row.full_name, position: row.position })
          .where('id', '=', row.id)
          .execute();
      } else {
        await trx.insertInto('persons').values(row).execute();
      }
    }
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'persons.changed', detail: { count: rows.length, ...imported } });
  });
  return listPersons(db, sessionId);
}

/** Slips handed out: every slip not voided (the phone part of phát ra). */
export async function countIssuedSlips(db: Kysely<Database>, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('slips')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('state', '!=', 'void')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Ballots in the box (thu về), phone and paper, or only those of one source. Phone ballots
 * of a locked box are its ciphertexts.
 */
export async function countBallots(db: Kysely<Database>, sessionId: string, source?: 'phone' | 'paper'): Promise<number> {
  let query = db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId);
  if (source) query = query.where('source', '=', source);
  const plain = Number((await query.executeTakeFirstOrThrow()).n);
  if (source === 'paper') return plain;
  const sealed = await db
    .selectFrom('sealed_ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return plain + Number(sealed.n);
}

/** Ballots handed out and collected, as the console and the display show them. */
export async function getTurnout(db: Kysely<Database>, sessionId: string): Promise<Turnout> {
  const session = await getSession(db, sessionId);
  return {
    sessionId,
    title: session.title,
    state: session.state,
    issued: (await countIssuedSlips(db, sessionId)) + session.paperIssued,
    collected: await countBallots(db, sessionId),
    present: session.present,
    summoned: session.summoned,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    published: session.publishedAt !== null,
  };
}

/** What a phone is shown: the ballot to fill, never counts. */
export async function ballotView(db: Kysely<Database>, session: SessionRecord): Promise<BallotSessionView> {
  const persons = await listPersons(db, session.id);
  return {
    id: session.id,
    title: session.title,
    organisation: session.organisation,
    rule: session.preset.rule,
    kind: session.preset.kind,
    address: session.preset.address,
    state: session.state,
    levels: session.preset.levels,
    box: session.state === 'draft' ? null : session.box.publicKey,
    persons: persons.map(({ id, fullName, position }) => ({ id, fullName, position })),
  };
}
