/**
 * Printing slips: an A4 HTML page to print from the browser, and the same as a PDF.
 * Generating either counts as printing: `slips.printed` is bumped and the audit log gets
 * a count (never codes). The QR holds the LAN address phones must reach.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors';
import { lanUrls } from '../domain/network';
import { getSession } from '../domain/sessions';
import { renderSlipsHtml } from '../print/slip-html';
import { slipFaces } from '../print/slip-sheet';
import { listSlips, markPrinted } from '../domain/slips';
import { operatorOf } from '../plugins/auth';
import type { RouteParams, RouteQuery } from '../../shared/api-contract';
import { serve } from './serve';

type PrintRoute = 'GET /api/admin/sessions/:id/slips/print' | 'GET /api/admin/sessions/:id/slips/print.pdf';

/** The origin printed in the QR: the one asked for, else the first LAN URL, else this request's host. */
export function printOrigin(request: FastifyRequest, asked: string | undefined): string {
  if (asked) return asked.replace(/\/+$/, '');
  const port = request.socket.localPort ?? 8080;
  return lanUrls(port)[0] ?? `${request.protocol}://${request.host}`;
}

export default async function slipPrintRoutes(app: FastifyInstance): Promise<void> {
  async function prepare(request: FastifyRequest, { id }: RouteParams<PrintRoute>, query: RouteQuery<PrintRoute>, format: 'html' | 'pdf') {
    const session = await getSession(app.db, id);
    if (session.state === 'closed') throw new AppError('session-already-closed');
    const unused = await listSlips(app.db, id, 'unused');
    const slips = query.which === 'unprinted' ? unused.filter((s) => s.printed === 0) : unused;
    if (slips.length === 0) throw new AppError('no-slips');
    await markPrinted(app.db, id, slips.map((s) => s.id), { actor: operatorOf(request), format, which: query.which ?? 'unused' });
    return { session, faces: slipFaces(session, slips, printOrigin(request, query.origin)) };
  }

  serve(app, 'GET /api/admin/sessions/:id/slips/print', async (request, reply) => {
    const { session, faces } = await prepare(request, request.params, request.query, 'html');
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    return renderSlipsHtml(faces, session.title);
  });

  serve(app, 'GET /api/admin/sessions/:id/slips/print.pdf', async (request, reply) => {
    const { session, faces } = await prepare(request, request.params, request.query, 'pdf');
    // pdfkit and docx load on first use: a server that never prints does not hold them (~12 MB).
    const { renderSlipsPdf } = await import('../print/slip-pdf');
    const pdf = await renderSlipsPdf(faces, session.title);
    reply
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="phieu-${session.id.slice(0, 8)}.pdf"`)
      .type('application/pdf');
    return pdf;
  });
}
