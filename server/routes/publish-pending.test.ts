/**
 * A paper sheet keyed once waits for its second entry. Publishing ends keying for good, so
 * publishing with a sheet still pending would leave a ballot that is in the box out of the
 * published results, and leave its keyed content in the database for ever.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from '../../scripts/lib/client';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test-helpers';

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

describe('publishing while a paper sheet waits for its second entry', () => {
  it('is refused with paper-pending, and goes through once the sheet is recorded', async () => {
    const prepared = await prepareSession(server.admin, { persons: 2, slips: 2 });
    const id = prepared.session.id;
    const [p1, p2] = prepared.persons.map((p) => p.id) as [string, string];
    await server.admin.call('PUT', `/api/admin/sessions/${id}/paper-issued`, { count: 1 });
    await server.admin.call('POST', `/api/admin/sessions/${id}/open`, {});
    await server.admin.call('POST', `/api/admin/sessions/${id}/close`);

    const entries = `/api/admin/sessions/${id}/paper/entries`;
    const sheet = { invalidSheet: false, marks: { [p1]: 'low', [p2]: 'high' } };
    const first = await operatorA.call('POST', entries, sheet);
    expect(first).toMatchObject({ status: 'pending' });

    await expect(server.admin.call('POST', `/api/admin/sessions/${id}/publish`)).rejects.toMatchObject({ status: 409, code: 'paper-pending' });
    const session = await server.admin.call('GET', `/api/admin/sessions/${id}`);
    expect(session.publishedAt).toBeNull();
    const events = (await server.admin.call('GET', `/api/admin/sessions/${id}/audit`)).events as { event: string }[];
    expect(events.some((e) => e.event === 'results.published')).toBe(false);

    // The second entry is still possible, and then publishing counts the sheet.
    await operatorB.call('POST', entries, { ...sheet, pendingId: first.entryId });
    const published = await server.admin.call('POST', `/api/admin/sessions/${id}/publish`);
    expect(published).toMatchObject({ already: false });
    const results = await server.admin.call('GET', `/api/admin/sessions/${id}/results`);
    expect(results.collected).toEqual({ phone: 0, paper: 1, total: 1 });
  });

  it('goes through once the pending entry is withdrawn', async () => {
    const prepared = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const id = prepared.session.id;
    await server.admin.call('PUT', `/api/admin/sessions/${id}/paper-issued`, { count: 1 });
    await server.admin.call('POST', `/api/admin/sessions/${id}/open`, {});
    await server.admin.call('POST', `/api/admin/sessions/${id}/close`);
    const first = await operatorA.call('POST', `/api/admin/sessions/${id}/paper/entries`, { invalidSheet: true, marks: {} });
    await expect(server.admin.call('POST', `/api/admin/sessions/${id}/publish`)).rejects.toMatchObject({ code: 'paper-pending' });
    await operatorA.call('DELETE', `/api/admin/sessions/${id}/paper/entries/${first.entryId}`);
    expect(await server.admin.call('POST', `/api/admin/sessions/${id}/publish`)).toMatchObject({ already: false });
  });
});
