/**
 * Results leave the server here: publishing, live results, the display's static info, and
 * the exports (minutes as PDF, .docx and print page, results as CSV and JSON, anonymised ballots).
 * Per-person counts reach displays only through the live-push plugin (server/plugins/live-push.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../shared/errors';
import { BASE_LABELS } from '../../shared/presets';
import { buildBallotsFile, buildResultsFile, resultsCsv } from '../domain/exports';
import { lanUrls } from '../domain/network';
import { renderMinutesHtml } from '../print/minutes-html';
import { loadMinutesModel } from '../domain/minutes-model';
import { secretsEqual } from '../domain/ids';
import { publishResults, setLiveResults } from '../domain/publish';
import { findSession, getSession, getTurnout } from '../domain/sessions';
import { serve } from './serve';
import { operatorOf } from '../plugins/auth';

async function closedSession(app: FastifyInstance, id: string) {
  const session = await getSession(app.db, id);
  if (session.state !== 'closed') throw new AppError('session-not-closed');
  return session;
}

function download(reply: FastifyReply, type: string, filename: string): FastifyReply {
  return reply.type(type).header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${filename}"`);
}

export default async function resultsRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /api/display/:sessionId', async (request, reply) => {
    const { sessionId } = request.params;
    const key = request.headers['x-display-key'];
    const session = await findSession(app.db, sessionId);
    // An unknown session and a wrong key answer alike, so the route tells nothing about ids.
    if (!session || typeof key !== 'string' || !secretsEqual(key, session.displayKey)) throw new AppError('bad-display-key');
    reply.header('Cache-Control', 'no-store');
    return {
      id: session.id,
      title: session.title,
      organisation: session.organisation,
      place: session.place,
      heldOn: session.heldOn,
      presetName: session.preset.name,
      kind: session.preset.kind,
      levels: session.preset.levels,
      base: { id: session.base, label: BASE_LABELS[session.base] },
      liveResults: session.liveResults,
      sealed: session.sealed,
      boxOpened: session.sealed && session.box.openedAt !== null,
      fingerprint: session.sealed ? session.box.fingerprint : null,
      lanOrigin: lanUrls(request.socket.localPort ?? 8080)[0] ?? null,
      turnout: await getTurnout(app.db, session.id),
      now: new Date().toISOString(),
    };
  });

  serve(app, 'POST /api/admin/sessions/:id/publish', async (request) => {
    const { id } = request.params;
    const { publishedAt, already } = await publishResults(app.db, id, operatorOf(request));
    await app.livePush.published(id);
    return { publishedAt, already };
  });

  serve(app, 'POST /api/admin/sessions/:id/live-results', async (request) => {
    const { id } = request.params;
    const { enabled, override } = request.body;
    const { overridden } = await setLiveResults(app.db, id, enabled, override === true, operatorOf(request));
    await app.livePush.liveSwitched(id, enabled);
    return { liveResults: enabled, override: overridden };
  });

  serve(app, 'GET /api/admin/sessions/:id/results.json', async (request, reply) => {
    const { id } = request.params;
    await closedSession(app, id);
    const file = await buildResultsFile(app.db, id);
    return download(reply, 'application/json; charset=utf-8', `ket-qua-${id}.json`).send(JSON.stringify(file, null, 2));
  });

  serve(app, 'GET /api/admin/sessions/:id/results.csv', async (request, reply) => {
    const { id } = request.params;
    const session = await closedSession(app, id);
    const csv = resultsCsv(await buildResultsFile(app.db, id), session.preset);
    return download(reply, 'text/csv; charset=utf-8', `ket-qua-${id}.csv`).send(csv);
  });

  serve(app, 'GET /api/admin/sessions/:id/ballots.json', async (request, reply) => {
    const { id } = request.params;
    await closedSession(app, id);
    const file = await buildBallotsFile(app.db, id);
    return download(reply, 'application/json; charset=utf-8', `phieu-${id}.json`).send(JSON.stringify(file));
  });

  serve(app, 'GET /api/admin/sessions/:id/minutes.pdf', async (request, reply) => {
    const { id } = request.params;
    await closedSession(app, id);
    // pdfkit and docx load on first use: a server that never prints does not hold them (~12 MB).
    const { renderMinutesPdf } = await import('../print/minutes-pdf');
    const pdf = await renderMinutesPdf(await loadMinutesModel(app.db, id));
    return download(reply, 'application/pdf', `bien-ban-kiem-phieu-${id}.pdf`).send(pdf);
  });

  // The same minutes, editable: committees amend wording before they sign.
  serve(app, 'GET /api/admin/sessions/:id/minutes.docx', async (request, reply) => {
    const { id } = request.params;
    await closedSession(app, id);
    const { renderMinutesDocx } = await import('../print/minutes-docx');
    const docx = await renderMinutesDocx(await loadMinutesModel(app.db, id));
    return download(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `bien-ban-kiem-phieu-${id}.docx`).send(docx);
  });

  serve(app, 'GET /api/admin/sessions/:id/minutes', async (request, reply) => {
    const { id } = request.params;
    await closedSession(app, id);
    const html = renderMinutesHtml(await loadMinutesModel(app.db, id));
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(html);
  });
}
