import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient, entryOf } from '../../scripts/lib/client';
import { closeAndOpenBox, prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../../test/server';

let server: TestServer;
let operatorA: AdminClient;
let operatorB: AdminClient;
beforeEach(async () => {
  server = await startTestServer();
  operatorA = new AdminClient(server.url);
  await operatorA.login(TEST_PASSWORD, 'Nguyễn Văn A');
  operatorB = new AdminClient(server.url);
  await operatorB.login(TEST_PASSWORD, 'Trần Thị B');
});
afterEach(async () => {
  await server.close();
});

async function openWithPaper(paper: number) {
  const prepared = await prepareSession(server.admin, { persons: 2, slips: 2 });
  const id = prepared.session.id;
  await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: paper } });
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
  const [p1, p2] = prepared.persons.map((p) => p.id) as [string, string];
  return { id, p1, p2, shares: prepared.shares };
}

describe('paper ballots keyed twice', () => {
  it('records a ballot when two operators key the same sheet, and never shows the first entry', async () => {
    const { id, p1, p2, shares } = await openWithPaper(2);
    const sheet = { invalidSheet: false, marks: { [p1]: 'low', [p2]: null } };
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet });
    expect(first).toMatchObject({ status: 'pending' });
    const status = await operatorB.call('GET /api/admin/sessions/:id/paper', { params: { id } });
    expect(status).toEqual({ issued: 2, collected: 0, pending: [{ id: entryOf(first), operator: 'Nguyễn Văn A', mine: false }] });
    expect(JSON.stringify(status)).not.toContain('low');

    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet, pendingId: entryOf(first) } })).rejects.toMatchObject({ status: 409, code: 'paper-same-operator' });
    const second = await operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet, pendingId: entryOf(first) } });
    expect(second).toEqual({ status: 'recorded', collected: 1 });
    expect((await server.admin.call('GET /api/admin/sessions/:id/paper', { params: { id } })).pending).toEqual([]);
    const turnout = await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id } });
    expect(turnout).toMatchObject({ issued: 4, collected: 1 });

    await closeAndOpenBox(server.admin, id, shares);
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id } });
    expect(results.collected).toEqual({ phone: 0, paper: 1, total: 1 });
    expect(results.persons[0]!.counts.low).toBe(1);
    expect(results.persons[1]!.invalid).toBe(1);

    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id } })).events;
    const keyed = events.filter((e: { event: string }) => e.event === 'paper.keyed');
    expect(keyed).toHaveLength(1);
    expect(keyed[0]).toMatchObject({ actor: 'Trần Thị B', detail: { count: 1, paperCollected: 1 } });
    expect(JSON.stringify(events)).not.toMatch(/"low"|medium|high/);
  });

  it('discards both entries on a mismatch, so the sheet is keyed again', async () => {
    const { id, p1, p2, shares } = await openWithPaper(1);
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: false, marks: { [p1]: 'high', [p2]: 'medium' } } });
    await expect(operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: false, marks: { [p1]: 'high', [p2]: 'low' }, pendingId: entryOf(first) } })).rejects.toMatchObject({
      status: 409,
      code: 'paper-mismatch',
    });
    expect(await server.admin.call('GET /api/admin/sessions/:id/paper', { params: { id } })).toMatchObject({ collected: 0, pending: [] });
    await expect(operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: false, marks: { [p1]: 'high', [p2]: 'low' }, pendingId: entryOf(first) } })).rejects.toMatchObject({
      status: 404,
      code: 'paper-entry-gone',
    });
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id } })).events;
    expect(events.at(-1)).toMatchObject({ event: 'paper.discarded', detail: { count: 2, reason: 'mismatch' } });
    // A whole-invalid sheet matches another whole-invalid sheet whatever marks were ticked.
    const again = await operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: true, marks: {} } });
    expect(await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: true, marks: { [p1]: 'high' }, pendingId: entryOf(again) } })).toEqual({
      status: 'recorded',
      collected: 1,
    });
  });

  it('refuses more paper ballots than were handed out (paper-limit), counting pending entries', async () => {
    const { id, p1, p2, shares } = await openWithPaper(1);
    const sheet = { invalidSheet: false, marks: { [p1]: 'high', [p2]: 'high' } };
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet });
    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet })).rejects.toMatchObject({ status: 409, code: 'paper-limit' });
    await operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet, pendingId: entryOf(first) } });
    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet })).rejects.toMatchObject({ code: 'paper-limit' });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 0 } })).rejects.toMatchObject({ code: 'paper-issued-too-low' });
  });

  it('checks the sheet against the people and levels of the session', async () => {
    const { id, p1 } = await openWithPaper(3);
    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: false, marks: { [p1]: 'high' } } })).rejects.toMatchObject({ code: 'paper-bad-marks' });
    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: false, marks: { [p1]: 'high', nobody: 'high' } } })).rejects.toMatchObject({
      code: 'paper-bad-marks',
    });
  });

  it('allows keying after close until publishing, refuses it in a draft, and lets a first entry be withdrawn', async () => {
    const prepared = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const id = prepared.session.id;
    const entries = `/api/admin/sessions/${id}/paper/entries`;
    const sheet = { invalidSheet: false, marks: { [prepared.persons[0]!.id]: 'medium' } };
    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 2 } });
    await expect(operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet })).rejects.toMatchObject({ status: 409, code: 'session-not-open' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    // Paper is keyed while the phone box still waits for the committee: the two do not depend on each other.
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id } });
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet });
    await operatorB.call('DELETE /api/admin/sessions/:id/paper/entries/:entryId', { params: { id, entryId: entryOf(first) } });
    expect((await operatorB.call('GET /api/admin/sessions/:id/paper', { params: { id } })).pending).toEqual([]);
    const again = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet });
    expect(await operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet, pendingId: entryOf(again) } })).toMatchObject({ status: 'recorded' });
    // After close the number handed out can still be corrected, until results are published.
    expect(await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 5 } })).toMatchObject({ issued: 6 });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 0 } })).rejects.toMatchObject({ code: 'paper-issued-too-low' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } })).rejects.toMatchObject({ code: 'box-locked' });
    await server.admin.openBox(id, prepared.shares.slice(0, 2));
    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 6 } })).rejects.toMatchObject({ code: 'session-published' });
  });
});

/*
 * A paper sheet keyed once waits for its second entry. Publishing ends keying for good, so
 * publishing with a sheet still pending would leave a ballot that is in the box out of the
 * published results, and leave its keyed content in the database for ever.
 */
describe('publishing while a paper sheet waits for its second entry', () => {
  it('is refused with paper-pending, and goes through once the sheet is recorded', async () => {
    const prepared = await prepareSession(server.admin, { persons: 2, slips: 2 });
    const id = prepared.session.id;
    const [p1, p2] = prepared.persons.map((p) => p.id) as [string, string];
    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 1 } });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    await closeAndOpenBox(server.admin, id, prepared.shares);

    const entries = `/api/admin/sessions/${id}/paper/entries`;
    const sheet = { invalidSheet: false, marks: { [p1]: 'low', [p2]: 'high' } };
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet });
    expect(first).toMatchObject({ status: 'pending' });

    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } })).rejects.toMatchObject({ status: 409, code: 'paper-pending' });
    const session = await server.admin.call('GET /api/admin/sessions/:id', { params: { id } });
    expect(session.publishedAt).toBeNull();
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id } })).events as { event: string }[];
    expect(events.some((e) => e.event === 'results.published')).toBe(false);

    // The second entry is still possible, and then publishing counts the sheet.
    await operatorB.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet, pendingId: entryOf(first) } });
    const published = await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } });
    expect(published).toMatchObject({ already: false });
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id } });
    expect(results.collected).toEqual({ phone: 0, paper: 1, total: 1 });
  });

  it('goes through once the pending entry is withdrawn', async () => {
    const prepared = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const id = prepared.session.id;
    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 1 } });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    await closeAndOpenBox(server.admin, id, prepared.shares);
    const first = await operatorA.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { invalidSheet: true, marks: {} } });
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } })).rejects.toMatchObject({ code: 'paper-pending' });
    await operatorA.call('DELETE /api/admin/sessions/:id/paper/entries/:entryId', { params: { id, entryId: entryOf(first) } });
    expect(await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id } })).toMatchObject({ already: false });
  });
});
