/** More secretariat routes: duplicate a session, delete a draft, paper ballots handed out, LAN URLs. */
import type { FastifyInstance } from 'fastify';
import { audit } from '../domain/audit';
import { listCommittee, replaceCommittee } from '../domain/committee';
import { lanUrls } from '../domain/network';
import { setPaperIssued } from '../domain/paper';
import { copySessionPreset } from '../domain/session-preset';
import { createSession, deleteDraftSession, getSession, getTurnout, listPersons, replacePersons } from '../domain/sessions';
import { operatorOf } from '../plugins/auth';
import { serve } from './serve';


export default async function sessionsExtraRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /api/admin/network', async (request) => {
    const port = request.socket.localPort ?? 8080;
    return { port, urls: lanUrls(port), here: `${request.protocol}://${request.host}` };
  });

  // A conference runs several votes on the same day: copy details, people and committee.
  serve(app, 'POST /api/admin/sessions/:id/duplicate', async (request, reply) => {
    const { id } = request.params;
    const source = await getSession(app.db, id);
    const copyId = await createSession(app.db, {
      title: `${source.title} (bản sao)`.slice(0, 300),
      organisation: source.organisation,
      place: source.place,
      locality: source.locality,
      heldOn: source.heldOn,
      presetId: source.presetId,
      summoned: source.summoned,
      present: source.present,
    });
    await copySessionPreset(app.db, id, copyId);
    await replacePersons(app.db, copyId, (await listPersons(app.db, id)).map((p) => ({ fullName: p.fullName, position: p.position })));
    await replaceCommittee(app.db, copyId, await listCommittee(app.db, id));
    await audit(app.db, { sessionId: copyId, actor: operatorOf(request), event: 'session.duplicated', detail: { from: id } });
    reply.status(201);
    return { id: copyId };
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
