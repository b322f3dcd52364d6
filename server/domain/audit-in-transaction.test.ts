/**
 * An audit row is written inside the transaction it records: when its insert fails (here a
 * real SQLite trigger refuses that one event), the change it records is rolled back too, and
 * once the insert can go through, the change and its row are both there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/i18n/audit';
import type { Database } from '../db/schema';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { chooseSealed } from './box';
import { deleteDraftSession, duplicateSession } from './drafts';
import { replaceCommittee } from './committee';
import { closeSession, openSession } from './lifecycle';
import { discardPending, keyPaperSheet, setPaperIssued } from './paper';
import { publishResults, setLiveResults } from './publish';
import { resetSessionPreset, setSessionPreset } from './session-preset';
import { createSession, getSession, listPersons, replacePersons, updateSession } from './sessions';
import { issueSlips, listSlips, markPrinted, voidSlip, voidUnusedSlips } from './slips';

const ACTOR = 'Nguyễn Văn Kiểm';
let dir: string;
let opened: OpenedDatabase;
let db: Kysely<Database>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tinnhiem-audit-trx-'));
  opened = await openDatabase(join(dir, 'data', 'tinnhiem.db'));
  db = opened.db;
});

afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** From now on, inserting an audit row of `event` fails, as a full disk or a bug would. */
async function refuseAudit(event: AuditEvent): Promise<void> {
  await sql
    .raw(`create trigger refuse_audit before insert on audit_log when new.event = '${event}' begin select raise(abort, 'audit refused'); end`)
    .execute(db);
}
const allowAudit = () => sql`drop trigger refuse_audit`.execute(db);

async function rows(sessionId: string | null, event: AuditEvent) {
  let q = db.selectFrom('audit_log').select(['actor', 'detail']).where('event', '=', event);
  q = sessionId === null ? q : q.where('session_id', '=', sessionId);
  return q.execute();
}

/** A draft vote on an unsealed box with two people and `slips` slips, ready to open. */
async function draft(slips = 3): Promise<string> {
  const id = await createSession(db, {
    title: 'Hội nghị',
    organisation: 'Sở',
    place: 'Hội trường',
    heldOn: '2026-12-02',
    presetId: 'nq96-2023-lay-phieu',
    summoned: 10,
    present: 10,
  });
  await replacePersons(db, id, [
    { fullName: 'Trần Văn A', position: 'Giám đốc' },
    { fullName: 'Lê Thị B', position: 'Phó Giám đốc' },
  ]);
  await chooseSealed(db, id, false, ACTOR);
  if (slips > 0) await issueSlips(db, id, slips);
  return id;
}

/**
 * Run `change` with its audit row refused: it must fail and leave `state()` as it was, with
 * no row; then with the row allowed: `state()` changes and exactly one row of `event` by the actor is there.
 */
async function bothOrNeither<T>(sessionId: () => string | null, event: AuditEvent, state: () => Promise<T>, change: () => Promise<unknown>) {
  const before = await state();
  await refuseAudit(event);
  await expect(change()).rejects.toThrow(/audit refused/);
  expect(await state()).toEqual(before);
  expect(await rows(sessionId(), event)).toEqual([]);
  await allowAudit();
  await change();
  expect(await state()).not.toEqual(before);
  const written = await rows(sessionId(), event);
  expect(written.map((r) => r.actor)).toEqual([ACTOR]);
  return written[0]!;
}

describe('an audit row and the change it records are committed together', () => {
  it('opening voting (and its quorum override) and closing it', async () => {
    const id = await draft();
    const state = async () => (await getSession(db, id)).state;
    await bothOrNeither(() => id, 'session.opened', state, () => openSession(db, id, false, ACTOR));
    expect(await rows(id, 'quorum.override')).toEqual([]);
    await bothOrNeither(() => id, 'session.closed', state, () => closeSession(db, id, ACTOR));

    // Below quorum, a refused override row keeps the vote a draft too.
    const low = await draft();
    await updateSession(db, low, { present: 3 });
    await refuseAudit('quorum.override');
    await expect(openSession(db, low, true, ACTOR)).rejects.toThrow(/audit refused/);
    expect((await getSession(db, low)).state).toBe('draft');
    await allowAudit();
    await openSession(db, low, true, ACTOR);
    expect((await rows(low, 'quorum.override')).map((r) => JSON.parse(r.detail))).toEqual([{ summoned: 10, present: 3 }]);
    expect(await rows(low, 'session.opened')).toHaveLength(1);
  });

  it('creating and editing a vote', async () => {
    let created: string | null = null;
    const count = async () => (await db.selectFrom('vote_sessions').select('id').execute()).length;
    const input = { title: 'Kỳ họp', organisation: 'HĐND', place: 'Hội trường', heldOn: '2026-12-02', presetId: 'qd96-2023', summoned: 5, present: 5 };
    const row = await bothOrNeither(() => null, 'session.created', count, async () => {
      created = await createSession(db, input, ACTOR);
    });
    expect(JSON.parse(row.detail)).toEqual({ presetId: 'qd96-2023' });
    const id = created!;
    const title = async () => (await getSession(db, id)).title;
    await bothOrNeither(() => id, 'session.updated', title, () => updateSession(db, id, { title: 'Kỳ họp thứ hai' }, ACTOR));
  });

  it('issuing, voiding one and voiding every unused slip', async () => {
    const id = await draft(0);
    const states = async () => (await listSlips(db, id)).map((s) => s.state).sort();
    await bothOrNeither(() => id, 'slips.issued', states, () => issueSlips(db, id, 4, ACTOR));
    const first = (await listSlips(db, id))[0]!;
    await bothOrNeither(() => id, 'slips.voided', states, () => voidSlip(db, id, first.code, ACTOR));
    await db.deleteFrom('audit_log').where('event', '=', 'slips.voided').execute();
    await bothOrNeither(() => id, 'slips.voided', states, () => voidUnusedSlips(db, id, ACTOR));
    expect(await states()).toEqual(['void', 'void', 'void', 'void']);
  });

  it('the people rated, typed or imported, and printing slips', async () => {
    const id = await draft();
    const names = async () => (await db.selectFrom('persons').select('full_name').where('session_id', '=', id).orderBy('position_order').execute()).map((r) => r.full_name);
    await bothOrNeither(() => id, 'persons.changed', names, () => replacePersons(db, id, [{ fullName: 'Hoàng Văn E', position: 'Chánh Văn phòng' }], ACTOR));
    await db.deleteFrom('audit_log').where('event', '=', 'persons.changed').execute();
    const rows2 = [{ fullName: 'Hoàng Văn E', position: 'Chánh Văn phòng' }, { fullName: 'Vũ Thị G', position: 'Trưởng phòng' }];
    const imported = await bothOrNeither(() => id, 'persons.changed', names, () => replacePersons(db, id, rows2, ACTOR, { imported: 1, mode: 'append' }));
    expect(JSON.parse(imported.detail)).toEqual({ count: 2, imported: 1, mode: 'append' });
    const printed = async () => (await listSlips(db, id)).map((s) => s.printed);
    const ids = (await listSlips(db, id)).map((s) => s.id);
    const row = await bothOrNeither(() => id, 'slips.printed', printed, () => markPrinted(db, id, ids, { actor: ACTOR, format: 'pdf', which: 'unused' }));
    expect(JSON.parse(row.detail)).toEqual({ count: 3, format: 'pdf', which: 'unused' });
  });

  it('the committee, the preset and its reset', async () => {
    const id = await draft();
    const committee = async () => (await db.selectFrom('committee_members').select('full_name').where('session_id', '=', id).execute()).map((r) => r.full_name);
    await bothOrNeither(() => id, 'committee.changed', committee, () =>
      replaceCommittee(db, id, [{ fullName: 'Phạm Văn C', role: 'Trưởng ban' }, { fullName: 'Đỗ Thị D', role: 'Ủy viên' }], ACTOR),
    );
    const preset = async () => (await getSession(db, id)).preset;
    const edited = { ...(await preset()), quorum: { num: 3, den: 4 } };
    await bothOrNeither(() => id, 'preset.changed', preset, () => setSessionPreset(db, id, edited, ACTOR));
    await db.deleteFrom('audit_log').where('event', '=', 'preset.changed').execute();
    await bothOrNeither(() => id, 'preset.changed', preset, () => resetSessionPreset(db, id, ACTOR));
  });

  it('switching live results, withdrawing a paper entry and publishing', async () => {
    const id = await draft();
    await openSession(db, id, false, ACTOR);
    const live = async () => (await getSession(db, id)).liveResults;
    const row = await bothOrNeither(() => id, 'live-results.changed', live, () => setLiveResults(db, id, true, false, ACTOR));
    expect(JSON.parse(row.detail)).toEqual({ enabled: true, override: false });
    // A first paper entry withdrawn: the entry stays while its row is refused.
    await setPaperIssued(db, id, 2);
    const entry = await keyPaperSheet(db, id, 'Tổ nhập A', { invalidSheet: true, marks: {} });
    const entryId = entry.status === 'pending' ? entry.entryId : '';
    const pending = async () => (await db.selectFrom('paper_entries').select('id').where('session_id', '=', id).execute()).map((r) => r.id);
    expect(await pending()).toEqual([entryId]);
    await bothOrNeither(() => id, 'paper.discarded', pending, () => discardPending(db, id, entryId, ACTOR));
    await closeSession(db, id, ACTOR);
    const published = async () => (await getSession(db, id)).publishedAt;
    const publishedRow = await bothOrNeither(() => id, 'results.published', published, () => publishResults(db, id, ACTOR));
    expect(JSON.parse(publishedRow.detail)).toEqual({ collected: 0, issued: 5 });
  });

  it('the paper ballots handed out, keying a sheet twice (agreeing, and not), and deleting a draft', async () => {
    const id = await draft();
    const issued = async () => (await getSession(db, id)).paperIssued;
    const row = await bothOrNeither(() => id, 'session.updated', issued, () => setPaperIssued(db, id, 2, ACTOR));
    expect(JSON.parse(row.detail)).toEqual({ fields: ['paperIssued'], paperIssued: 2 });
    await openSession(db, id, false, ACTOR);
    const ids = (await listPersons(db, id)).map((p) => p.id);
    const sheet = (level: string) => ({ invalidSheet: false, marks: Object.fromEntries(ids.map((p) => [p, level])) });
    const keyed = async () => ({
      ballots: (await db.selectFrom('ballots').select('id').where('session_id', '=', id).execute()).length,
      pending: (await db.selectFrom('paper_entries').select('id').where('session_id', '=', id).execute()).length,
    });
    // The second keying records the ballot and its row together, under the second operator's name.
    const first = await keyPaperSheet(db, id, 'Tổ nhập A', sheet('high'));
    const firstId = first.status === 'pending' ? first.entryId : '';
    const recorded = await bothOrNeither(() => id, 'paper.keyed', keyed, () => keyPaperSheet(db, id, ACTOR, sheet('high'), firstId));
    expect(JSON.parse(recorded.detail)).toEqual({ count: 1, paperCollected: 1 });
    // Two keyings that disagree: both entries go with their row, or neither does.
    const again = await keyPaperSheet(db, id, 'Tổ nhập A', sheet('high'));
    const againId = again.status === 'pending' ? again.entryId : '';
    const before = await keyed();
    await refuseAudit('paper.discarded');
    await expect(keyPaperSheet(db, id, ACTOR, sheet('low'), againId)).rejects.toThrow(/audit refused/);
    expect(await keyed()).toEqual(before);
    await allowAudit();
    await expect(keyPaperSheet(db, id, ACTOR, sheet('low'), againId)).rejects.toMatchObject({ code: 'paper-mismatch' });
    expect(await keyed()).toEqual({ ballots: 1, pending: 0 });
    expect((await rows(id, 'paper.discarded')).map((r) => JSON.parse(r.detail))).toEqual([{ count: 2, reason: 'mismatch' }]);

    const other = await draft(0);
    const count = async () => (await db.selectFrom('vote_sessions').select('id').execute()).length;
    const deleted = await bothOrNeither(() => null, 'session.deleted', count, () => deleteDraftSession(db, other, ACTOR));
    expect(JSON.parse(deleted.detail)).toEqual({ sessionId: other, title: 'Hội nghị' });
  });

  it('duplicating a vote: the copy, its people, committee and row together, or none of them', async () => {
    const id = await draft();
    await replaceCommittee(db, id, [{ fullName: 'Phạm Thị Trưởng', role: 'Trưởng ban' }]);
    const copied = async () => ({
      sessions: (await db.selectFrom('vote_sessions').select('id').execute()).length,
      persons: (await db.selectFrom('persons').select('id').execute()).length,
      committee: (await db.selectFrom('committee_members').select('id').execute()).length,
    });
    const row = await bothOrNeither(() => null, 'session.duplicated', copied, () => duplicateSession(db, id, ACTOR));
    expect(JSON.parse(row.detail)).toEqual({ from: id });
    const copy = await db.selectFrom('vote_sessions').select(['id', 'title']).where('id', '!=', id).executeTakeFirstOrThrow();
    expect(copy.title).toBe('Hội nghị (bản sao)');
    expect((await listPersons(db, copy.id)).map((p) => p.fullName)).toEqual(['Trần Văn A', 'Lê Thị B']);
  });
});
