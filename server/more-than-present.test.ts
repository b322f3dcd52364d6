/** More ballots collected than delegates present: counted, and the minutes say so for the committee to explain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallots } from '../test/results';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('more ballots than delegates present', () => {
  it('are all counted, and the minutes carry a note; with as many as present, no note', async () => {
    for (const [present, cast] of [[2, 3], [3, 3]] as const) {
      const { session, persons, slips } = await prepareSession(server.admin, { persons: 1, slips: 3, summoned: 3, present, sealed: false });
      await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: { overrideQuorum: true } });
      await castBallots(server.url, session.id, slips.slice(0, cast), slips.slice(0, cast).map(() => ({ [persons[0]!.id]: 'low' })));
      await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
      expect((await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).collected.total).toBe(cast);
      const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/minutes`, { headers: { cookie: server.admin.cookieHeader } });
      const html = await res.text();
      if (cast > present) expect(html).toContain(`Số phiếu thu về (${cast}) nhiều hơn số người có mặt (${present}); Ban kiểm phiếu cần giải trình.`);
      else expect(html).not.toContain('nhiều hơn số người có mặt');
    }
  });
});
