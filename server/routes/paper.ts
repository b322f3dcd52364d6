/**
 * Paper ballots keyed twice by two operators (see server/domain/paper.ts). Replies never
 * carry what a pending entry says: the second operator keys blind.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { audit } from '../domain/audit';
import { discardPending, keyPaperSheet, paperStatus } from '../domain/paper';
import { SessionIdParams } from './schemas';
import { operatorOf } from '../plugins/auth';

const EntryBody = Type.Object(
  {
    pendingId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' })),
    invalidSheet: Type.Boolean(),
    // Null first: Fastify's type coercion would turn null into "" if the string came first.
    marks: Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.Null(), Type.String({ maxLength: 40 })])),
  },
  { additionalProperties: false },
);
const EntryParams = Type.Object({ id: SessionIdParams.properties.id, entryId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) });

export default async function paperRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/admin/sessions/:id/paper', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const status = await paperStatus(app.db, id);
    const me = operatorOf(request);
    return { ...status, pending: status.pending.map((p) => ({ ...p, mine: p.operator === me })) };
  });

  app.post('/api/admin/sessions/:id/paper/entries', { schema: { params: SessionIdParams, body: EntryBody } }, async (request, reply) => {
    const { id } = request.params as SessionIdParams;
    const body = request.body as Static<typeof EntryBody>;
    try {
      const outcome = await keyPaperSheet(app.db, id, operatorOf(request), { invalidSheet: body.invalidSheet, marks: body.marks }, body.pendingId);
      if (outcome.status === 'recorded') {
        await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'paper.keyed', detail: { count: 1, paperCollected: outcome.collected } });
        app.hub.turnoutChanged(id);
      }
      reply.status(outcome.status === 'recorded' ? 201 : 202);
      return outcome;
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === 'paper-mismatch') {
        await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'paper.discarded', detail: { count: 2, reason: 'mismatch' } });
      }
      throw err;
    }
  });

  app.delete('/api/admin/sessions/:id/paper/entries/:entryId', { schema: { params: EntryParams } }, async (request) => {
    const { id, entryId } = request.params as Static<typeof EntryParams>;
    await discardPending(app.db, id, entryId);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'paper.discarded', detail: { count: 1, reason: 'withdrawn' } });
    return { ok: true };
  });
}
