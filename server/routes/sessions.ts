/** Secretariat routes: sessions, people rated, slips, opening and closing, results. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { SessionDetail, SessionSummary } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { PRESETS, quorumMet } from '../../shared/presets';
import { presetCustomised } from '../../shared/preset-validate';
import { audit, listAudit } from '../domain/audit';
import { listHolders } from '../domain/box';
import { closeSession, computeResults, openSession, scrubOrderTraces } from '../domain/lifecycle';
import {
  createSession,
  getSession,
  getTurnout,
  listPersons,
  listSessions,
  replacePersons,
  updateSession,
  type SessionRecord,
} from '../domain/sessions';
import { issueSlips, listSlips, MAX_SLIPS_PER_REQUEST, voidSlip, voidUnusedSlips } from '../domain/slips';
import { PersonsBody, SessionBody, SessionIdParams, SessionPatch } from './schemas';
import { operatorOf } from '../plugins/auth';

function attendanceOk(summoned: number, present: number): void {
  if (present > summoned) throw new AppError('bad-request');
}

/** A session as the console sees it. */
export async function sessionDetail(app: FastifyInstance, session: SessionRecord): Promise<SessionDetail> {
  return {
    ...session,
    quorumMet: quorumMet(session.preset, session.present, session.summoned),
    customised: presetCustomised(session.preset),
    persons: await listPersons(app.db, session.id),
    turnout: await getTurnout(app.db, session.id),
    boxHolders: await listHolders(app.db, session.id),
    boxPresented: app.boxShares.orders(session.id),
  };
}

export default async function sessionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/admin/presets', async () => ({ presets: PRESETS }));

  app.get('/api/admin/sessions', async (): Promise<{ sessions: SessionSummary[] }> => {
    const sessions = await listSessions(app.db);
    return {
      sessions: await Promise.all(
        sessions.map(async (s) => ({
          id: s.id,
          title: s.title,
          organisation: s.organisation,
          heldOn: s.heldOn,
          presetId: s.presetId,
          state: s.state,
          createdAt: s.createdAt,
          publishedAt: s.publishedAt,
          turnout: await getTurnout(app.db, s.id),
        })),
      ),
    };
  });

  app.post('/api/admin/sessions', { schema: { body: SessionBody } }, async (request, reply) => {
    const body = request.body as SessionBody;
    attendanceOk(body.summoned, body.present);
    const id = await createSession(app.db, body);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'session.created', detail: { presetId: body.presetId } });
    reply.status(201);
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.get('/api/admin/sessions/:id', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.patch('/api/admin/sessions/:id', { schema: { params: SessionIdParams, body: SessionPatch } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const patch = request.body as SessionPatch;
    const before = await getSession(app.db, id);
    attendanceOk(patch.summoned ?? before.summoned, patch.present ?? before.present);
    await updateSession(app.db, id, patch);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'session.updated', detail: { fields: Object.keys(patch) } });
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.put('/api/admin/sessions/:id/persons', { schema: { params: SessionIdParams, body: PersonsBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { persons } = request.body as PersonsBody;
    const saved = await replacePersons(app.db, id, persons);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'persons.changed', detail: { count: saved.length } });
    return { persons: saved };
  });

  const SlipsQuery = Type.Object({ state: Type.Optional(Type.Union([Type.Literal('unused'), Type.Literal('used'), Type.Literal('void')])) });
  app.get('/api/admin/sessions/:id/slips', { schema: { params: SessionIdParams, querystring: SlipsQuery } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { state } = request.query as Static<typeof SlipsQuery>;
    await getSession(app.db, id);
    return { slips: await listSlips(app.db, id, state) };
  });

  const IssueBody = Type.Object({ count: Type.Integer({ minimum: 1, maximum: MAX_SLIPS_PER_REQUEST }) }, { additionalProperties: false });
  app.post('/api/admin/sessions/:id/slips', { schema: { params: SessionIdParams, body: IssueBody } }, async (request, reply) => {
    const { id } = request.params as SessionIdParams;
    const { count } = request.body as Static<typeof IssueBody>;
    const slips = await issueSlips(app.db, id, count);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'slips.issued', detail: { count } });
    app.flood.recountHall();
    app.hub.turnoutChanged(id);
    reply.status(201);
    return { slips };
  });

  const VoidBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
  app.post('/api/admin/sessions/:id/slips/void', { schema: { params: SessionIdParams, body: VoidBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { code } = request.body as Static<typeof VoidBody>;
    const slipId = await voidSlip(app.db, id, code);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'slips.voided', detail: { count: 1, slipId } });
    app.hub.turnoutChanged(id);
    return { voided: [slipId] };
  });

  app.post('/api/admin/sessions/:id/slips/void-unused', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const count = await voidUnusedSlips(app.db, id);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'slips.voided', detail: { count, unused: true } });
    app.hub.turnoutChanged(id);
    return { count };
  });

  const OpenBody = Type.Object({ overrideQuorum: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
  // The body may be left out (no override): validation would refuse `undefined` as not an object.
  const noBodyIsEmpty = async (request: { body: unknown }) => {
    if (request.body === undefined) request.body = {};
  };
  app.post('/api/admin/sessions/:id/open', { schema: { params: SessionIdParams, body: OpenBody }, preValidation: noBodyIsEmpty }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const body = request.body as Static<typeof OpenBody>;
    const { quorumMet: met } = await openSession(app.db, id, body.overrideQuorum === true);
    if (!met) {
      const s = await getSession(app.db, id);
      await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'quorum.override', detail: { summoned: s.summoned, present: s.present } });
    }
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'session.opened' });
    await app.hub.stateChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.post('/api/admin/sessions/:id/close', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    await closeSession(app.db, id, operatorOf(request));
    app.flood.recountHall();
    await app.hub.stateChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  // Fold the WAL into the file again after a close that could not (another program held it open).
  app.post('/api/admin/sessions/:id/scrub', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const session = await getSession(app.db, id);
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    await scrubOrderTraces(app.db, id, operatorOf(request));
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.get('/api/admin/sessions/:id/turnout', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    return getTurnout(app.db, id);
  });

  // Per-person counts leave the server only after close.
  app.get('/api/admin/sessions/:id/results', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const session = await getSession(app.db, id);
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    return computeResults(app.db, id);
  });

  app.get('/api/admin/sessions/:id/audit', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    await getSession(app.db, id);
    return { events: await listAudit(app.db, id) };
  });
}
