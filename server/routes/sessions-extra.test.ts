import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from '../../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('console routes: network, duplicate, delete, committee, paper issued', () => {
  it('answers 401 to every console route without the admin cookie', async () => {
    const { session } = await prepareSession(server.admin);
    const anonymous = new AdminClient(server.url);
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/network'],
      ['POST', `/api/admin/sessions/${session.id}/duplicate`],
      ['DELETE', `/api/admin/sessions/${session.id}`],
      ['GET', `/api/admin/sessions/${session.id}/committee`],
      ['PUT', `/api/admin/sessions/${session.id}/committee`, { members: [] }],
      ['PUT', `/api/admin/sessions/${session.id}/paper-issued`, { count: 1 }],
      ['GET', `/api/admin/sessions/${session.id}/paper`],
      ['POST', `/api/admin/sessions/${session.id}/paper/entries`, { invalidSheet: true, marks: {} }],
      ['GET', `/api/admin/sessions/${session.id}/slips/print`],
      ['GET', `/api/admin/sessions/${session.id}/slips/print.pdf`],
    ];
    for (const [method, path, body] of calls) {
      await expect(anonymous.raw(method, path, body), `${method} ${path}`).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    }
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).state).toBe('draft');
  });

  it('lists the LAN URLs with the listening port', async () => {
    const net = await server.admin.call('GET /api/admin/network');
    const port = Number(new URL(server.url).port);
    expect(net.port).toBe(port);
    expect(net.here).toBe(server.url);
    for (const url of net.urls) expect(url).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${port}$`));
    expect(net.urls).not.toContain(`http://127.0.0.1:${port}`);
  });

  it('duplicates a session with its people and committee, as a new draft without slips', async () => {
    const { session, persons } = await prepareSession(server.admin, { persons: 3 });
    await server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: {
      members: [
        { fullName: 'Đặng Văn Trưởng'.normalize('NFD'), role: 'Trưởng ban' },
        { fullName: 'Vũ Thị Ủy', role: 'Ủy viên' },
      ],
    } });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { id } = await server.admin.call('POST /api/admin/sessions/:id/duplicate', { params: { id: session.id } });
    const copy = await server.admin.call('GET /api/admin/sessions/:id', { params: { id } });
    expect(copy).toMatchObject({ state: 'draft', presetId: session.presetId, summoned: 100, present: 90, title: `${session.title} (bản sao)` });
    expect(copy.persons.map((p: { fullName: string }) => p.fullName)).toEqual(persons.map((p) => p.fullName));
    expect(copy.turnout.issued).toBe(0);
    const { members } = await server.admin.call('GET /api/admin/sessions/:id/committee', { params: { id } });
    expect(members.map((m: { fullName: string; role: string }) => [m.fullName, m.role])).toEqual([
      ['Đặng Văn Trưởng', 'Trưởng ban'],
      ['Vũ Thị Ủy', 'Ủy viên'],
    ]);
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id } })).events.map((e: { event: string }) => e.event);
    expect(events).toContain('session.duplicated');
  });

  it('deletes a draft only', async () => {
    const { session: draft } = await prepareSession(server.admin);
    const { session: opened } = await prepareSession(server.admin);
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: opened.id }, body: {} });
    await expect(server.admin.call('DELETE /api/admin/sessions/:id', { params: { id: opened.id } })).rejects.toMatchObject({ status: 409, code: 'session-not-draft' });
    await server.admin.call('DELETE /api/admin/sessions/:id', { params: { id: draft.id } });
    await expect(server.admin.call('GET /api/admin/sessions/:id', { params: { id: draft.id } })).rejects.toMatchObject({ status: 404, code: 'session-not-found' });
    const list = await server.admin.call('GET /api/admin/sessions');
    expect(list.sessions.map((s: { id: string }) => s.id)).toEqual([opened.id]);
  });

  it('counts paper ballots handed out in phát ra, and refuses bad committee input', async () => {
    const { session } = await prepareSession(server.admin, { slips: 5 });
    const turnout = await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: 3 } });
    expect(turnout.issued).toBe(8);
    await expect(server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: -1 } })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: [{ fullName: '', role: 'x' }] } })).rejects.toMatchObject({
      code: 'bad-request',
    });
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } })).events;
    expect(events.at(-1)).toMatchObject({ event: 'session.updated', detail: { paperIssued: 3 } });
  });
});
