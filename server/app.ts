/**
 * The app as a plugin-built Fastify instance. `server/main.ts` only configures and listens;
 * tests call `buildApp` on a temporary SQLite file.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, ERROR_STATUS, errorMessage, type ErrorCode, type ErrorParams } from '../shared/errors';
import { MAX_MESSAGE_BYTES } from '../shared/protocol';
import { PresentedShares } from './domain/box';
import type { FloodLimits } from './domain/flood';
import type { LiveResultsOptions } from './domain/live-results';
import { logSerializers } from './log';
import auth from './plugins/auth';
import casts from './plugins/casts';
import db from './plugins/db';
import flood from './plugins/flood';
import headers from './plugins/headers';
import laptop from './plugins/laptop';
import hub from './plugins/hub';
import livePush from './plugins/live-push';
import pages from './plugins/pages';
import ballotRoutes from './routes/ballot';
import wsRoute from './ws/route';
import boxRoutes from './routes/box';
import sessionRoutes from './routes/sessions';
import consoleRoutes from './routes/console';
import printAssetRoutes from './routes/print-assets';
import resultsRoutes from './routes/results';
import { serve } from './routes/serve';

export interface AppOptions {
  /** Path of the SQLite file. */
  dbFile: string;
  /** From ADMIN_PASSWORD; when absent a password is generated on first start. */
  adminPassword?: string | undefined;
  /** Where `vite build` wrote the client. */
  distDir?: string;
  /** Fastify's logger: false in tests, pino options in production. */
  logger?: FastifyServerOptions['logger'];
  /** Base delay after a failed login (doubles per failure). Tests lower it. */
  loginDelayMs?: number;
  /** ADMIN_LAN=1: let devices other than the laptop use the console (plugins/laptop.ts). */
  adminLan?: boolean | undefined;
  /** Limits against floods (server/domain/flood.ts); tests make them small. */
  floodLimits?: Partial<FloodLimits>;
  /** Live results' spacing, clock and timer (server/domain/live-results.ts); tests set their own. */
  liveResults?: LiveResultsOptions | undefined;
  /** Milliseconds since the epoch; tests move a clock by hand instead of waiting. */
  clock?: () => number;
}

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The JSON body of every HTTP error: the code, and what a person reads. */
export function errorBody(code: ErrorCode, params?: ErrorParams) {
  const message = { vi: errorMessage(code, 'vi', params), en: errorMessage(code, 'en', params) };
  return params ? { error: code, params, message } : { error: code, message };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = options.logger === undefined ? false : options.logger;
  const app = Fastify({
    logger: logger && typeof logger === 'object' ? { ...logger, serializers: { ...logSerializers } } : logger,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  });
  // Shares presented to open a sealed box live in this process's memory only.
  app.decorate('boxShares', new PresentedShares());

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(errorBody(err.code, err.params));
    if (err.validation) return reply.status(ERROR_STATUS['bad-request']).send(errorBody('bad-request'));
    if (err.statusCode === 413) return reply.status(ERROR_STATUS['message-too-large']).send(errorBody('message-too-large'));
    if (err.statusCode === 429) return reply.status(ERROR_STATUS['rate-limited']).send(errorBody('rate-limited'));
    // Fastify's own refusals (415 unsupported media type, 406, …) keep the status Fastify
    // chose: the one answer whose status is not its code's own.
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.status(err.statusCode).send(errorBody('bad-request'));
    request.log.error({ err: { name: err.name, code: err.code, message: err.message } }, 'request failed');
    return reply.status(ERROR_STATUS.internal).send(errorBody('internal'));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(ERROR_STATUS['not-found']).send(errorBody('not-found')));

  await app.register(headers);
  await app.register(cookie);
  // Per-address HTTP limits on the public routes that ask for them (config.rateLimit), sized
  // to the hall by plugins/flood.ts; the WebSocket's limits are the flood guard's own.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: ERROR_STATUS['rate-limited'], ...errorBody('rate-limited') }),
  });
  // ws closes a connection only past this size; smaller oversize messages get an error reply.
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES * 16 } });
  await app.register(db, { file: options.dbFile });
  await app.register(flood, { limits: options.floodLimits, clock: options.clock });
  await app.register(laptop, { adminLan: options.adminLan });
  await app.register(auth, { adminPassword: options.adminPassword, loginDelayMs: options.loginDelayMs });
  await app.register(hub);
  await app.register(casts);
  await app.register(livePush, { live: options.liveResults });

  serve(app, 'GET /healthz', async () => ({ ok: true as const }));
  await app.register(wsRoute);
  await app.register(ballotRoutes);
  await app.register(boxRoutes);
  await app.register(sessionRoutes);
  await app.register(consoleRoutes);
  await app.register(resultsRoutes);
  await app.register(printAssetRoutes);
  await app.register(pages, { distDir: options.distDir ?? join(ROOT_DIR, 'dist') });
  return app;
}
