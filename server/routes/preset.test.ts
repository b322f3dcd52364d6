import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient, slipFromPath, WsClient } from '../../scripts/lib/client';
import { auditDetailText } from '../../shared/i18n/audit';
import { findPreset, type Preset } from '../../shared/presets';
import { insertBallot } from '../domain/ballots';
import { loadMinutesModel } from '../domain/minutes-model';
import { closeAndOpenBox, prepareSession, startTestServer, type TestServer } from '../../test/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const qd96 = findPreset('qd96-2023')!;
const copy = (p: Preset): Preset => JSON.parse(JSON.stringify(p)) as Preset;

/** 96-QĐ/TW read as 41-QĐ/TW reads it: "trên 2/3" (strictly more) for dismissal. */
function strictTwoThirds(): Preset {
  const edited = copy(qd96);
  edited.thresholds[0]!.bounds[1] = { op: '<=', num: 2, den: 3 };
  edited.thresholds[0]!.label.vi = 'Trên 1/2 đến 2/3 tín nhiệm thấp';
  edited.thresholds[1]!.bounds = [{ op: '>', num: 2, den: 3 }];
  edited.thresholds[1]!.label = { vi: 'Trên 2/3 tín nhiệm thấp', en: 'Over 2/3 low confidence' };
  edited.thresholds[1]!.consequence.vi = 'Miễn nhiệm (theo Quy định 41-QĐ/TW).';
  return edited;
}

async function events(sessionId: string): Promise<{ event: string; detail: Record<string, unknown> }[]> {
  return (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: sessionId } })).events;
}

describe('editing a session’s preset', () => {
  it('applies "trên 2/3" to the tally: of 300 collected, 200 low does not cross, 201 does; the minutes say the rules were adjusted', async () => {
    const { session, persons, shares } = await prepareSession(server.admin, { persons: 2, slips: 1, summoned: 300, present: 300 });
    expect(session).toMatchObject({ presetId: 'qd96-2023', customised: false });

    const saved = await server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: strictTwoThirds() });
    expect(saved).toMatchObject({ presetId: 'qd96-2023', customised: true, base: 'collected' });
    expect(saved.preset.thresholds[1]!.bounds).toEqual([{ op: '>', num: 2, den: 3 }]);
    expect((await events(session.id)).at(-1)).toMatchObject({
      event: 'preset.changed',
      detail: { thresholds: 'Tín nhiệm thấp > 1/2 và ≤ 2/3; Tín nhiệm thấp > 2/3', quorum: '2/3', base: 'collected' },
    });

    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: 300 } });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const [a, b] = persons.map((p) => p.id) as [string, string];
    await server.app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 300; i++) {
        await insertBallot(trx, session.id, 'paper', { [a]: i < 200 ? 'low' : 'high', [b]: i < 201 ? 'low' : 'medium' });
      }
    });
    await closeAndOpenBox(server.admin, session.id, shares);

    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.persons.map((p) => [p.base, p.counts.low])).toEqual([
      [300, 200],
      [300, 201],
    ]);
    // Under the shipped 96-QĐ/TW, 200 of 300 is "từ 2/3 trở lên"; under the edit it is the lower band.
    expect(results.persons[0]!.thresholds.map((t: { id: string }) => t.id)).toEqual(['low-over-half']);
    expect(results.persons[1]!.thresholds).toEqual([
      expect.objectContaining({ id: 'low-two-thirds', label: { vi: 'Trên 2/3 tín nhiệm thấp', en: 'Over 2/3 low confidence' } }),
    ]);

    const minutes = await loadMinutesModel(server.app.db, session.id);
    expect(minutes.baseNote).toBe(
      'Tỉ lệ phần trăm tính trên tổng số phiếu thu về (300 phiếu).\n' +
        'Quy định áp dụng đã được Ban tổ chức điều chỉnh: Tín nhiệm thấp > 1/2 và ≤ 2/3; Tín nhiệm thấp > 2/3.',
    );
    expect(minutes.thresholds[1]).toContain('Trên 2/3 tín nhiệm thấp. Miễn nhiệm (theo Quy định 41-QĐ/TW).');
    expect(minutes.appendix.rows.some((r) => r.event === 'Điều chỉnh quy định áp dụng' && r.detail.includes('ngưỡng: Tín nhiệm thấp > 1/2'))).toBe(true);
  });

  it('leaves the minutes of an unedited preset without the adjusted line', async () => {
    const { session, persons, shares } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await server.app.db.transaction().execute((trx) => insertBallot(trx, session.id, 'phone', { [persons[0]!.id]: 'high' }));
    await closeAndOpenBox(server.admin, session.id, shares);
    expect((await loadMinutesModel(server.app.db, session.id)).baseNote).toBe('Tỉ lệ phần trăm tính trên tổng số phiếu thu về (1 phiếu).');
  });

  it('refuses unsound presets with their codes and changes nothing', async () => {
    const { session } = await prepareSession(server.admin);
    const cases: [string, (p: Preset) => unknown, number, string][] = [
      ['unknown level', (p) => void (p.thresholds[0]!.level = 'very-low'), 400, 'preset-unknown-level'],
      ['num > den', (p) => void (p.thresholds[1]!.bounds[0] = { op: '>=', num: 3, den: 2 }), 400, 'preset-bad-fraction'],
      ['duplicate level ids', (p) => void (p.levels[1]!.id = 'high'), 400, 'preset-duplicate-level'],
      ['sensitive off', (p) => void (p.sensitive = false), 400, 'preset-sensitive-locked'],
      ['another id', (p) => void (p.id = 'nq96-2023-lay-phieu'), 400, 'preset-id-changed'],
      ['bounds no count meets', (p) => void p.thresholds[0]!.bounds.reverse().forEach((b) => (b.op = b.op === '>' ? '<' : '>')), 400, 'preset-empty-band'],
      ['base not offered', (p) => void (p.base = 'valid'), 400, 'bad-base'],
      ['quorum over 1', (p) => void (p.quorum = { num: 4, den: 3 }), 400, 'preset-bad-quorum'],
      ['unknown field', (p) => void ((p as unknown as Record<string, unknown>).extra = 1), 400, 'bad-request'],
      ['zero denominator', (p) => void (p.quorum.den = 0), 400, 'bad-request'],
      ['level id with capitals', (p) => void (p.levels[0]!.id = 'Cao'), 400, 'bad-request'],
      ['one level', (p) => void p.levels.splice(1), 400, 'bad-request'],
      ['unknown operator', (p) => void ((p.thresholds[0]!.bounds[0] as { op: string }).op = '=='), 400, 'bad-request'],
      ['empty level label', (p) => void (p.levels[0]!.label.vi = ''), 400, 'bad-request'],
      ['blank level label', (p) => void (p.levels[0]!.label.vi = '   '), 400, 'preset-empty-label'],
      ['overlong consequence', (p) => void (p.thresholds[0]!.consequence.vi = 'x'.repeat(601)), 400, 'bad-request'],
    ];
    for (const [name, change, status, code] of cases) {
      const edited = copy(qd96);
      change(edited);
      await expect(server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: edited }), name).rejects.toMatchObject({ status, code });
    }
    const after = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(after).toMatchObject({ customised: false, base: 'collected' });
    expect(after.preset).toEqual(qd96);
    expect((await events(session.id)).map((e) => e.event)).not.toContain('preset.changed');
  });

  it('lets the secretariat choose how phones address delegates, which the phone then reads; refuses any other word', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 1 });
    expect(session.preset.address).toBe('dong-chi');
    const saved = await server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: { ...copy(qd96), address: 'dai-bieu' } });
    expect(saved).toMatchObject({ customised: true, preset: { address: 'dai-bieu' } });
    const changed = (await events(session.id)).at(-1)!;
    expect(changed).toMatchObject({ event: 'preset.changed', detail: { address: 'dai-bieu' } });
    // The Log tab and the minutes' appendix say it in words.
    expect(auditDetailText('preset.changed', changed.detail, 'vi')).toContain('điện thoại xưng hô: đại biểu');
    const phone = await WsClient.connect(server.url);
    expect(await phone.openSlip(slipFromPath(slips[0]!.path))).toMatchObject({ address: 'dai-bieu' });
    phone.close();
    for (const address of ['ban', 'Đại biểu', '']) {
      await expect(server.admin.raw('PUT', `/api/admin/sessions/${session.id}/preset`, { ...copy(qd96), address }), address).rejects.toMatchObject({ status: 400, code: 'bad-request' });
    }
    const { address: _dropped, ...without } = copy(qd96);
    await expect(server.admin.raw('PUT', `/api/admin/sessions/${session.id}/preset`, without)).rejects.toMatchObject({ status: 400, code: 'bad-request' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).preset.address).toBe('dai-bieu');
    // Reset: the shipped preset's address again.
    expect((await server.admin.call('POST /api/admin/sessions/:id/preset/reset', { params: { id: session.id } })).preset.address).toBe('dong-chi');
  });

  it('a session saved before presets carried an address reads the shipped preset\'s: "đại biểu" for a People\'s Council', async () => {
    const { session: party } = await prepareSession(server.admin, { slips: 1 });
    const { session: council } = await prepareSession(server.admin, { slips: 1, presetId: 'nq96-2023-lay-phieu' });
    for (const id of [party.id, council.id]) {
      const row = await server.app.db.selectFrom('vote_sessions').select('preset_json').where('id', '=', id).executeTakeFirstOrThrow();
      const { address: _old, ...older } = JSON.parse(row.preset_json) as Preset;
      await server.app.db.updateTable('vote_sessions').set({ preset_json: JSON.stringify(older) }).where('id', '=', id).execute();
    }
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: party.id } })).preset.address).toBe('dong-chi');
    const read = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: council.id } });
    expect(read).toMatchObject({ customised: false, preset: { address: 'dai-bieu' } });
  });

  it('names the session\'s own quorum when it is not met (3/4 here, not the shipped 2/3)', async () => {
    const { session } = await prepareSession(server.admin, { summoned: 40, present: 29 });
    const edited = copy(qd96);
    edited.quorum = { num: 3, den: 4 };
    await server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: edited });
    const refused = await fetch(`${server.url}/api/admin/sessions/${session.id}/open`, {
      method: 'POST',
      headers: { cookie: server.admin.cookieHeader, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: string; params: Record<string, string>; message: { vi: string; en: string } };
    expect(body).toEqual({
      error: 'quorum-not-met',
      params: { quorum: '3/4' },
      message: { vi: expect.stringMatching(/^Chưa đủ 3\/4 số người được triệu tập có mặt/), en: expect.stringMatching(/^Fewer than 3\/4 of those summoned/) },
    });
    expect(body.message.vi).not.toContain('2/3');
    await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { present: 30 } });
    expect(await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} })).toMatchObject({ state: 'open', quorumMet: true });
  });

  it('refuses edits and reset once voting is open, and without the admin cookie', async () => {
    const { session } = await prepareSession(server.admin);
    await expect(new AdminClient(server.url).call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: strictTwoThirds() })).rejects.toMatchObject({ status: 401 });
    await expect(new AdminClient(server.url).call('POST /api/admin/sessions/:id/preset/reset', { params: { id: session.id } })).rejects.toMatchObject({ status: 401 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: strictTwoThirds() })).rejects.toMatchObject({ status: 409, code: 'session-not-draft' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/preset/reset', { params: { id: session.id } })).rejects.toMatchObject({ status: 409, code: 'session-not-draft' });
    const after = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(after.preset).toEqual(qd96);
    await expect(server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: 'nosuchsession1' }, body: strictTwoThirds() })).rejects.toMatchObject({ status: 404, code: 'session-not-found' });
  });

  it('stores texts in NFC, lets a custom base be chosen and kept on duplicate, and resets to the shipped preset', async () => {
    const { session } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu' });
    const nq96 = findPreset('nq96-2023-lay-phieu')!;
    const edited = copy(nq96);
    edited.levels[2]!.label.vi = 'Tín nhiệm rất thấp'.normalize('NFD');
    edited.base = 'valid';
    edited.baseOptions = ['ballots', 'summoned', 'valid'];
    const saved = await server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: edited });
    expect(saved).toMatchObject({ customised: true, base: 'valid' });
    expect(saved.preset.levels[2]!.label.vi).toBe('Tín nhiệm rất thấp'.normalize('NFC'));

    // The details form sends the base it shows: the copy's options, not the shipped ones, decide.
    const patched = await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title: 'Kỳ họp thứ 9', base: 'valid' } });
    expect(patched).toMatchObject({ base: 'valid', customised: true });
    const { id: copyId } = await server.admin.call('POST /api/admin/sessions/:id/duplicate', { params: { id: session.id } });
    const duplicated = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: copyId } });
    expect(duplicated).toMatchObject({ base: 'valid', customised: true, presetId: 'nq96-2023-lay-phieu' });
    expect(duplicated.preset).toEqual(saved.preset);

    const reset = await server.admin.call('POST /api/admin/sessions/:id/preset/reset', { params: { id: session.id } });
    expect(reset).toMatchObject({ customised: false, base: 'ballots' });
    expect(reset.preset).toEqual(nq96);
    expect((await events(session.id)).at(-1)).toMatchObject({ event: 'preset.changed', detail: { reset: true } });

    // Choosing another shipped preset re-copies it, dropping edits.
    await server.admin.call('PUT /api/admin/sessions/:id/preset', { params: { id: copyId }, body: { ...edited, base: 'summoned' } });
    const switched = await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: copyId }, body: { presetId: 'qd96-2023' } });
    expect(switched).toMatchObject({ presetId: 'qd96-2023', customised: false, base: 'collected' });
    expect(switched.preset).toEqual(qd96);
  });
});
