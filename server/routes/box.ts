/**
 * The sealed ballot box: choosing it, sealing it to the committee (niêm phong), opening it
 * with k shares (mở hòm phiếu), and the published list of tracking codes (mã kiểm tra).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { parseReceiptCode } from '../../shared/box';
import type { ReceiptsFile } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import { chooseSealed, listReceipts, presentShare, sealBox, type PresentedShares } from '../domain/box';
import { getSession } from '../domain/sessions';
import { renderReceiptsPage } from '../print/receipts-html';
import { SessionIdParams } from './schemas';
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
  const ModeBody = Type.Object({ sealed: Type.Boolean() }, { additionalProperties: false });
  app.post('/api/admin/sessions/:id/box/mode', { schema: { params: SessionIdParams, body: ModeBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { sealed } = request.body as Static<typeof ModeBody>;
    await chooseSealed(app.db, id, sealed, operatorOf(request));
    return sessionDetail(app, await getSession(app.db, id));
  });

  const SealBody = Type.Object({ threshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 30 })) }, { additionalProperties: false });
  app.post(
    '/api/admin/sessions/:id/box/seal',
    {
      schema: { params: SessionIdParams, body: SealBody },
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
    },
    async (request, reply) => {
      onTheLaptop(request);
      const { id } = request.params as SessionIdParams;
      const { threshold } = request.body as Static<typeof SealBody>;
      const sealed = await sealBox(app.db, id, threshold, operatorOf(request));
      // The shares are in this answer only: never cached, never stored.
      reply.header('Cache-Control', 'no-store');
      return { ...sealed, session: await sessionDetail(app, await getSession(app.db, id)) };
    },
  );

  const ShareBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
  app.post('/api/admin/sessions/:id/box/shares', { schema: { params: SessionIdParams, body: ShareBody } }, async (request) => {
    onTheLaptop(request);
    const { id } = request.params as SessionIdParams;
    const { code } = request.body as Static<typeof ShareBody>;
    const outcome = await presentShare(app.db, app.boxShares, id, code, operatorOf(request));
    if (outcome.opened) {
      await app.hub.stateChanged(id);
      app.hub.turnoutChanged(id);
    }
    return { ...outcome, session: await sessionDetail(app, await getSession(app.db, id)) };
  });

  app.delete('/api/admin/sessions/:id/box/shares', { schema: { params: SessionIdParams } }, async (request) => {
    onTheLaptop(request);
    const { id } = request.params as SessionIdParams;
    await getSession(app.db, id);
    app.boxShares.forget(id);
    return { presented: [] };
  });

  const ReceiptParams = Type.Object({ sessionId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' }) });
  const ReceiptQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.Literal('json')) });

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
  app.get('/api/receipts/:sessionId', { schema: { params: ReceiptParams }, config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const { sessionId } = request.params as Static<typeof ReceiptParams>;
    reply.header('Cache-Control', 'no-store');
    return receiptsFile(sessionId);
  });

  app.get('/r/:sessionId', { schema: { params: ReceiptParams, querystring: ReceiptQuery }, config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const { sessionId } = request.params as Static<typeof ReceiptParams>;
    const { code } = request.query as Static<typeof ReceiptQuery>;
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
