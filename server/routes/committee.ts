/** The tally committee (Ban kiểm phiếu): names and roles for the minutes. */
import type { FastifyInstance } from 'fastify';
import { listCommittee, replaceCommittee } from '../domain/committee';
import { getSession } from '../domain/sessions';
import { operatorOf } from '../plugins/auth';
import { serve } from './serve';

export default async function committeeRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /api/admin/sessions/:id/committee', async (request) => {
    const { id } = request.params;
    await getSession(app.db, id);
    return { members: await listCommittee(app.db, id) };
  });

  serve(app, 'PUT /api/admin/sessions/:id/committee', async (request) => {
    const { id } = request.params;
    const saved = await replaceCommittee(app.db, id, request.body.members, operatorOf(request));
    return { members: saved };
  });
}
