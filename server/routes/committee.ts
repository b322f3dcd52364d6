/** The tally committee (Ban kiểm phiếu): names and roles for the minutes. */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { audit } from '../domain/audit';
import { listCommittee, replaceCommittee } from '../domain/committee';
import { getSession } from '../domain/sessions';
import { SessionIdParams } from './schemas';
import { operatorOf } from '../plugins/auth';

const CommitteeBody = Type.Object(
  {
    members: Type.Array(
      Type.Object({ fullName: Type.String({ minLength: 1, maxLength: 200 }), role: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
      { maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);

export default async function committeeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/admin/sessions/:id/committee', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    await getSession(app.db, id);
    return { members: await listCommittee(app.db, id) };
  });

  app.put('/api/admin/sessions/:id/committee', { schema: { params: SessionIdParams, body: CommitteeBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { members } = request.body as Static<typeof CommitteeBody>;
    const saved = await replaceCommittee(app.db, id, members);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'committee.changed', detail: { count: saved.length } });
    return { members: saved };
  });
}
