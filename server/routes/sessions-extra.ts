/** More secretariat routes: duplicate a session, delete a draft, paper ballots handed out, LAN URLs. */
import type { FastifyInstance } from 'fastify';
import { deleteDraftSession, duplicateSession } from '../domain/drafts';
import { lanUrls } from '../domain/network';
import { setPaperIssued } from '../domain/paper';
import { getTurnout } from '../domain/sessions';
import { operatorOf } from '../plugins/auth';
import { serve } from './serve';

export default async function sessionsExtraRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /api/admin/network', async (request) => {
    const port = request.socket.localPort ?? 8080;
    return { port, urls: lanUrls(port), here: `${request.protocol}://${request.host}` };
  });

  // A conference runs several votes on the same day: copy details, people and committee (server/domain/drafts.ts).
  serve(app, 'POST /api/admin/sessions/:id/duplicate', async (request, reply) => {
    const id = await duplicateSession(app.db, request.params.id, operatorOf(request));
    reply.status(201);
    return { id };
  });

  // Only a draft can go: an opened session's record belongs to the minutes.
  serve(app, 'DELETE /api/admin/sessions/:id', async (request) => {
    await deleteDraftSession(app.db, request.params.id, operatorOf(request));
    return { ok: true as const };
  });

  serve(app, 'PUT /api/admin/sessions/:id/paper-issued', async (request) => {
    const { id } = request.params;
    const { count } = request.body;
    await setPaperIssued(app.db, id, count, operatorOf(request));
    app.hub.turnoutChanged(id);
    return getTurnout(app.db, id);
  });
}
