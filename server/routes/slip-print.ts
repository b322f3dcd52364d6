/**
 * Printing slips: an A4 HTML page to print from the browser, and the same as a PDF.
 * Generating either counts as printing: `slips.printed` is bumped and the audit log gets
 * a count (never codes). The QR holds the LAN address phones must reach.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../shared/errors';
import { audit } from '../domain/audit';
import { lanUrls } from '../domain/network';
import { getSession } from '../domain/sessions';
import { renderSlipsHtml } from '../print/slip-html';
import { renderSlipsPdf } from '../print/slip-pdf';
import { slipFaces } from '../print/slip-sheet';
import { listSlips, markPrinted } from '../domain/slips';
import { SessionIdParams } from './schemas';
import { operatorOf } from '../plugins/auth';

const PrintQuery = Type.Object({
  which: Type.Optional(Type.Union([Type.Literal('unused'), Type.Literal('unprinted')])),
  origin: Type.Optional(Type.String({ pattern: '^https?://[A-Za-z0-9.\\-\\[\\]:]+$', maxLength: 200 })),
});
type PrintQuery = Static<typeof PrintQuery>;

/** The origin printed in the QR: the one asked for, else the first LAN URL, else this request's host. */
export function printOrigin(request: FastifyRequest, asked: string | undefined): string {
  if (asked) return asked.replace(/\/+$/, '');
  const port = request.socket.localPort ?? 8080;
  return lanUrls(port)[0] ?? `${request.protocol}://${request.host}`;
}

export default async function slipPrintRoutes(app: FastifyInstance): Promise<void> {
  async function prepare(request: FastifyRequest, format: 'html' | 'pdf') {
    const { id } = request.params as SessionIdParams;
    const query = request.query as PrintQuery;
    const session = await getSession(app.db, id);
    if (session.state === 'closed') throw new AppError('session-already-closed');
    const unused = await listSlips(app.db, id, 'unused');
    const slips = query.which === 'unprinted' ? unused.filter((s) => s.printed === 0) : unused;
    if (slips.length === 0) throw new AppError('no-slips');
    await markPrinted(app.db, id, slips.map((s) => s.id));
    await audit(app.db, {
      sessionId: id,
      actor: operatorOf(request),
      event: 'slips.printed',
      detail: { count: slips.length, format, which: query.which ?? 'unused' },
    });
    return { session, faces: slipFaces(session, slips, printOrigin(request, query.origin)) };
  }

  app.get('/api/admin/sessions/:id/slips/print', { schema: { params: SessionIdParams, querystring: PrintQuery } }, async (request, reply) => {
    const { session, faces } = await prepare(request, 'html');
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    return renderSlipsHtml(faces, session.title);
  });

  app.get('/api/admin/sessions/:id/slips/print.pdf', { schema: { params: SessionIdParams, querystring: PrintQuery } }, async (request, reply) => {
    const { session, faces } = await prepare(request, 'pdf');
    const pdf = await renderSlipsPdf(faces, session.title);
    reply
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="phieu-${session.id.slice(0, 8)}.pdf"`)
      .type('application/pdf');
    return pdf;
  });
}
