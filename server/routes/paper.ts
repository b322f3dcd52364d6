/**
 * Paper ballots keyed twice by two operators (see server/domain/paper.ts). Replies never
 * carry what a pending entry says: the second operator keys blind.
 */
import type { FastifyInstance } from 'fastify';
import { discardPending, keyPaperSheet, paperStatus } from '../domain/paper';
import { serve } from './serve';
import { operatorOf } from '../plugins/auth';

export default async function paperRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /api/admin/sessions/:id/paper', async (request) => {
    const { id } = request.params;
    const status = await paperStatus(app.db, id);
    const me = operatorOf(request);
    return { ...status, pending: status.pending.map((p) => ({ ...p, mine: p.operator === me })) };
  });

  serve(app, 'POST /api/admin/sessions/:id/paper/entries', async (request, reply) => {
    const { id } = request.params;
    const body = request.body;
    // Recorded or discarded, the audit row is written in the keying's own transaction.
    const outcome = await keyPaperSheet(app.db, id, operatorOf(request), { invalidSheet: body.invalidSheet, marks: body.marks }, body.pendingId);
    if (outcome.status === 'recorded') app.hub.turnoutChanged(id);
    reply.status(outcome.status === 'recorded' ? 201 : 202);
    return outcome;
  });

  serve(app, 'DELETE /api/admin/sessions/:id/paper/entries/:entryId', async (request) => {
    const { id, entryId } = request.params;
    await discardPending(app.db, id, entryId, operatorOf(request));
    return { ok: true as const };
  });
}
