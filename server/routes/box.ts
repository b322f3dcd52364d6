/**
 * The sealed ballot box: choosing it, sealing it to the committee (niêm phong), opening it
 * with k shares (mở hòm phiếu), and the published list of tracking codes (mã kiểm tra).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseReceiptCode } from '../../shared/box';
import type { ReceiptsFile } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { chooseSealed, listReceipts, presentShare, sealBox, type PresentedShares } from '../domain/box';
import { getSession } from '../domain/sessions';
import { renderReceiptsPage } from '../print/receipts-html';
import { serve } from './serve';
import { sessionDetail } from './sessions';
import { hallRateLimit } from '../plugins/flood';
import { fromTheLaptop } from '../plugins/laptop';
import { operatorOf } from '../plugins/auth';

declare module 'fastify' {
  interface FastifyInstance {
    /** Shares presented since this process started, per session: memory only. */
    boxShares: PresentedShares;
  }
}

/**
 * Shares cross from the server to the console and back only on the laptop itself: over the
 * venue's plain-http Wi-Fi they would travel in clear. This holds even with ADMIN_LAN=1.
 */
function onTheLaptop(request: FastifyRequest): void {
  if (!fromTheLaptop(request)) throw new AppError('box-needs-laptop');
}

export default async function boxRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'POST /api/admin/sessions/:id/box/mode', async (request) => {
    const { id } = request.params;
    const { sealed } = request.body;
    await chooseSealed(app.db, id, sealed, operatorOf(request));
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(
    app,
    'POST /api/admin/sessions/:id/box/seal',
    {
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request, reply) => {
      onTheLaptop(request);
      const { id } = request.params;
      const { threshold } = request.body;
      const sealed = await sealBox(app.db, id, threshold, operatorOf(request));
      // The shares are in this answer only: never cached, never stored.
      reply.header('Cache-Control', 'no-store');
      return { ...sealed, session: await sessionDetail(app, await getSession(app.db, id)) };
    },
  );

  serve(app, 'POST /api/admin/sessions/:id/box/shares', async (request) => {
    onTheLaptop(request);
    const { id } = request.params;
    const { code } = request.body;
    const outcome = await presentShare(app.db, app.boxShares, id, code, operatorOf(request));
    if (outcome.opened) {
      await app.hub.stateChanged(id);
      app.hub.turnoutChanged(id);
    }
    return { ...outcome, session: await sessionDetail(app, await getSession(app.db, id)) };
  });

  serve(app, 'DELETE /api/admin/sessions/:id/box/shares', async (request) => {
    onTheLaptop(request);
    const { id } = request.params;
    await getSession(app.db, id);
    app.boxShares.forget(id);
    return { presented: [] };
  });

  async function receiptsFile(sessionId: string): Promise<ReceiptsFile> {
    const session = await getSession(app.db, sessionId);
    // A sealed box's list exists once it is opened; an unsealed box's once voting has closed.
    const complete = session.sealed ? session.box.openedAt !== null : session.state === 'closed' && session.box.fingerprint !== null;
    if (!complete) throw new AppError('box-not-opened');
    const codes = await listReceipts(app.db, sessionId);
    return {
      format: 'tinnhiem-receipts/1',
      sessionId,
      title: session.title,
      organisation: session.organisation,
      heldOn: session.heldOn,
      boxPublicKey: session.box.publicKey!,
      fingerprint: session.box.fingerprint!,
      phoneBallots: codes.length,
      codes,
    };
  }

  // Public: a delegate checks that their tracking code is in the opened box.
  serve(app, 'GET /api/receipts/:sessionId', { config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const { sessionId } = request.params;
    reply.header('Cache-Control', 'no-store');
    return receiptsFile(sessionId);
  });

  serve(app, 'GET /r/:sessionId', { config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const { sessionId } = request.params;
    const { code } = request.query;
    reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    let file: ReceiptsFile | null = null;
    try {
      file = await receiptsFile(sessionId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reply.status(404);
    }
    if (code === undefined) return renderReceiptsPage(file);
    const asked = parseReceiptCode(code);
    return renderReceiptsPage(file, { typed: code, code: asked, found: asked !== null && file !== null && file.codes.includes(asked) });
  });
}
