/** Secretariat routes: sessions, people rated, slips, opening and closing, results. */
import type { FastifyInstance } from 'fastify';
import type { SessionDetail } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { PRESETS, quorumMet } from '../../shared/presets';
import { presetCustomised } from '../../shared/preset-validate';
import { listAudit } from '../domain/audit';
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
import { issueSlips, listSlips, voidSlip, voidUnusedSlips } from '../domain/slips';
import { serve } from './serve';
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
  serve(app, 'GET /api/admin/presets', async () => ({ presets: [...PRESETS] }));

  serve(app, 'GET /api/admin/sessions', async () => {
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

  serve(app, 'POST /api/admin/sessions', async (request, reply) => {
    const { body } = request;
    attendanceOk(body.summoned, body.present);
    const id = await createSession(app.db, body, operatorOf(request));
    return reply.status(201).send(await sessionDetail(app, await getSession(app.db, id)));
  });

  serve(app, 'GET /api/admin/sessions/:id', async (request) => {
    const { id } = request.params;
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(app, 'PATCH /api/admin/sessions/:id', async (request) => {
    const { id } = request.params;
    const { body: patch } = request;
    const before = await getSession(app.db, id);
    attendanceOk(patch.summoned ?? before.summoned, patch.present ?? before.present);
    await updateSession(app.db, id, patch, operatorOf(request));
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(app, 'PUT /api/admin/sessions/:id/persons', async (request) => {
    const { id } = request.params;
    const { persons } = request.body;
    const saved = await replacePersons(app.db, id, persons, operatorOf(request));
    return { persons: saved };
  });

  serve(app, 'GET /api/admin/sessions/:id/slips', async (request) => {
    const { id } = request.params;
    const { state } = request.query;
    await getSession(app.db, id);
    return { slips: await listSlips(app.db, id, state) };
  });

  serve(app, 'POST /api/admin/sessions/:id/slips', async (request, reply) => {
    const { id } = request.params;
    const { count } = request.body;
    const slips = await issueSlips(app.db, id, count, operatorOf(request));
    app.flood.recountHall();
    app.hub.turnoutChanged(id);
    return reply.status(201).send({ slips });
  });

  serve(app, 'POST /api/admin/sessions/:id/slips/void', async (request) => {
    const { id } = request.params;
    const { code } = request.body;
    const slipId = await voidSlip(app.db, id, code, operatorOf(request));
    app.hub.turnoutChanged(id);
    return { voided: [slipId] };
  });

  serve(app, 'POST /api/admin/sessions/:id/slips/void-unused', async (request) => {
    const { id } = request.params;
    const count = await voidUnusedSlips(app.db, id, operatorOf(request));
    app.hub.turnoutChanged(id);
    return { count };
  });

  // The body may be left out (no override): validation would refuse `undefined` as not an object.
  const noBodyIsEmpty = async (request: { body: unknown }) => {
    if (request.body === undefined) request.body = {};
  };
  serve(app, 'POST /api/admin/sessions/:id/open', { preValidation: noBodyIsEmpty }, async (request) => {
    const { id } = request.params;
    await openSession(app.db, id, request.body.overrideQuorum === true, operatorOf(request));
    await app.hub.stateChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(app, 'POST /api/admin/sessions/:id/close', async (request) => {
    const { id } = request.params;
    await closeSession(app.db, id, operatorOf(request));
    app.flood.recountHall();
    await app.hub.stateChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  // Fold the WAL into the file again after a close that could not (another program held it open).
  serve(app, 'POST /api/admin/sessions/:id/scrub', async (request) => {
    const { id } = request.params;
    const session = await getSession(app.db, id);
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    await scrubOrderTraces(app.db, id, operatorOf(request));
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(app, 'GET /api/admin/sessions/:id/turnout', async (request) => {
    const { id } = request.params;
    return getTurnout(app.db, id);
  });

  // Per-person counts leave the server only after close.
  serve(app, 'GET /api/admin/sessions/:id/results', async (request) => {
    const { id } = request.params;
    const session = await getSession(app.db, id);
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    return computeResults(app.db, id);
  });

  serve(app, 'GET /api/admin/sessions/:id/audit', async (request) => {
    const { id } = request.params;
    await getSession(app.db, id);
    return { events: await listAudit(app.db, id) };
  });
}
