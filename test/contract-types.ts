/**
 * Type-level tests of the HTTP contract (shared/api-contract.ts), checked by `tsc --noEmit`
 * (the first step of `npm test`); nothing here runs. Each `@ts-expect-error` line is code the
 * contract must refuse: were the contract to stop refusing it, the directive would be unused
 * and tsc would fail. The lines without one must keep compiling, so a changed answer or body
 * in the contract breaks the server, the console and the scripts alike.
 */
import type { FastifyInstance } from 'fastify';
import { call as consoleCall } from '../client/admin/api';
import { serve } from '../server/routes/serve';
import type { RouteAnswer, RouteBody } from '../shared/api-contract';
import type { Turnout } from '../shared/protocol';
import type { AdminClient } from '../scripts/lib/client';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The server: a handler's input and its answer are the contract's. */
export function server(app: FastifyInstance): void {
  serve(app, 'GET /api/admin/sessions/:id/turnout', async (request) => {
    const id: string = request.params.id;
    // @ts-expect-error the route has no :sessionId
    void request.params.sessionId;
    return { sessionId: id, title: '', state: 'draft' as const, issued: 0, collected: 0, present: 0, summoned: 0, openedAt: null, closedAt: null, published: false };
  });
  // @ts-expect-error an answer of the wrong shape
  serve(app, 'GET /api/admin/sessions/:id/turnout', async () => ({ collected: 'many' }));
  serve(app, 'POST /api/admin/sessions/:id/slips', async (request) => {
    const count: number = request.body.count;
    // @ts-expect-error the body has no such field
    void request.body.slips;
    return { slips: Array.from({ length: count }, () => ({ id: '', code: '', path: '', state: 'unused' as const, printed: 0 })) };
  });
}

/** The scripts' and tests' client. */
export async function scripts(admin: AdminClient): Promise<void> {
  const turnout = await admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: 'abcdefgh' } });
  const same: Same<typeof turnout, Turnout> = true;
  void same;
  // @ts-expect-error no such field in the answer
  void turnout.ballots;
  // @ts-expect-error a path parameter is required
  await admin.call('GET /api/admin/sessions/:id/turnout');
  // @ts-expect-error a count is a number
  await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: 'abcdefgh' }, body: { count: '3' } });
  // @ts-expect-error not a route of the contract
  await admin.call('GET /api/admin/nothing');
  const paper = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id: 'abcdefgh' }, body: { invalidSheet: true, marks: {} } });
  // @ts-expect-error 201 or 202: entryId only once narrowed to a pending entry
  void paper.entryId;
  if (paper.status === 'pending') void paper.entryId;
}

/** The console's calls. */
export async function console(): Promise<void> {
  const me = await consoleCall('GET /api/admin/me');
  const lan: boolean = me.lan;
  void lan;
  // @ts-expect-error the answer carries no password
  void me.password;
  const body: RouteBody<'PUT /api/admin/sessions/:id/paper-issued'> = { count: 3 };
  await consoleCall('PUT /api/admin/sessions/:id/paper-issued', { params: { id: 'abcdefgh' }, body });
  // @ts-expect-error the body is required
  await consoleCall('PUT /api/admin/sessions/:id/paper-issued', { params: { id: 'abcdefgh' } });
  const seal: RouteAnswer<'POST /api/admin/sessions/:id/box/seal'>['shares'][number]['code'] = 'XXXXX';
  void seal;
}
