/**
 * Every client message, from the WebSocket or from `POST /api/message`, is parsed and
 * validated here, once. An invalid message gets an error reply; nothing throws past here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Compile } from 'typebox/compile';
import type { WebSocket } from 'ws';
import { AppError, type ErrorCode } from '../../shared/errors';
import { ClientMessageSchema } from '../../shared/protocol-schemas';
import {
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  assertNever,
  type ClientMessage,
  type ServerMessage,
} from '../../shared/protocol';
import { openSlip } from '../domain/cast';
import { isCastMessage } from '../domain/cast-message';
import { secretsEqual } from '../domain/ids';
import { findSession } from '../domain/sessions';
import { sameOrigin } from '../plugins/auth';
import { fromTheLaptop } from '../plugins/laptop';
import type { Audience } from '../plugins/hub';

const validator = Compile(ClientMessageSchema);
const KNOWN_TYPES = new Set(['slip.open', 'cast', 'subscribe', 'ping']);

export interface MessageContext {
  request: FastifyRequest;
  /** Present for WebSocket clients: the hub can push to it. */
  socket?: WebSocket;
  /** Set by a message whose reply must be followed by more (a subscribe's catch-up): the transport runs it once the reply is sent. */
  after?: () => Promise<void>;
}

/** Parse raw text into a valid client message, or the error code to answer with. */
export function parseClientMessage(raw: string | Buffer): { msg: ClientMessage } | { code: ErrorCode; rid?: string } {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (size > MAX_MESSAGE_BYTES) return { code: 'message-too-large' };
  let value: unknown;
  try {
    value = JSON.parse(raw.toString());
  } catch {
    return { code: 'bad-message' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { code: 'bad-message' };
  const record = value as Record<string, unknown>;
  const rid = typeof record.rid === 'string' && record.rid.length <= 40 ? record.rid : undefined;
  if (typeof record.type !== 'string') return { code: 'bad-message', rid };
  if (!KNOWN_TYPES.has(record.type)) return { code: 'unknown-message', rid };
  // A page cached from before the sealed box sends casts without an authenticator: ask it to reload.
  if (record.type === 'cast' && !('auth' in record) && typeof record.sealed === 'string') return { code: 'protocol-outdated', rid };
  // The hot path's own check, held to CastSchema's answers by its test.
  if (record.type === 'cast') return isCastMessage(record) ? { msg: record } : { code: 'bad-message', rid };
  if (!validator.Check(value)) return { code: 'bad-message', rid };
  return { msg: value };
}

function errorReply(code: ErrorCode, rid: string | undefined): ServerMessage {
  return rid === undefined ? { type: 'error', code } : { type: 'error', rid, code };
}

/**
 * Answers that a stranger probing or flooding earns, and an honest phone only by a typo:
 * counted per address against the hall-sized allowance of server/domain/flood.ts. Honest
 * states (slip used or void, voting not open, disk full) are not failures.
 */
const FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'bad-message',
  'unknown-message',
  'message-too-large',
  'slip-unknown',
  'bad-seal',
  'bad-ballot',
  'bad-display-key',
  'unauthorized',
  'cross-origin',
  'session-not-found',
]);

/**
 * Handle one raw message and return the reply. Never throws. A failure past the address's
 * allowance is answered `rate-limited` instead of its own code; the transport then closes
 * the socket (WebSocket) or answers 429 (HTTP).
 */
export async function handleRaw(app: FastifyInstance, raw: string | Buffer, ctx: MessageContext): Promise<ServerMessage> {
  const reply = await answerRaw(app, raw, ctx);
  if (reply.type === 'error' && FAILURES.has(reply.code) && !app.flood.failure(ctx.request.ip)) {
    return errorReply('rate-limited', reply.rid);
  }
  return reply;
}

async function answerRaw(app: FastifyInstance, raw: string | Buffer, ctx: MessageContext): Promise<ServerMessage> {
  const parsed = parseClientMessage(raw);
  if ('code' in parsed) return errorReply(parsed.code, parsed.rid);
  const { msg } = parsed;
  try {
    return await handleMessage(app, msg, ctx);
  } catch (err) {
    if (err instanceof AppError) return errorReply(err.code, msg.rid);
    app.log.error({ err: { name: (err as Error).name, message: (err as Error).message }, type: msg.type }, 'message failed');
    return errorReply('internal', msg.rid);
  }
}

async function handleMessage(app: FastifyInstance, msg: ClientMessage, ctx: MessageContext): Promise<ServerMessage> {
  const rid = msg.rid === undefined ? {} : { rid: msg.rid };
  switch (msg.type) {
    case 'slip.open': {
      const opened = await openSlip(app.db, msg);
      // Its cast will follow: have the batches' thread started before it arrives.
      app.casts.warm();
      if (ctx.socket) app.hub.follow(ctx.socket, opened.session.id, 'ballot');
      return { type: 'slip', ...rid, slipId: opened.slipId, state: opened.state, session: opened.session };
    }
    case 'cast': {
      const outcome = await app.casts.cast(msg);
      // Committed with its batch (synchronous=FULL): only now is the phone told.
      if (!outcome.already) app.hub.turnoutChanged(outcome.sessionId);
      return { type: 'recorded', ...rid, slipId: msg.slipId, already: outcome.already };
    }
    case 'subscribe': {
      if (!ctx.socket) throw new AppError('bad-message');
      const session = await findSession(app.db, msg.sessionId);
      let audience: Audience;
      let owner: string | undefined;
      if (msg.displayKey !== undefined) {
        if (!session || !secretsEqual(msg.displayKey, session.displayKey)) throw new AppError('bad-display-key');
        audience = 'display';
      } else {
        if (!sameOrigin(ctx.request)) throw new AppError('cross-origin');
        if (!app.adminLan && !fromTheLaptop(ctx.request)) throw new AppError('console-needs-laptop');
        const admin = await app.adminFromRequest(ctx.request);
        if (!admin) throw new AppError('unauthorized');
        if (!session) throw new AppError('session-not-found');
        audience = 'console';
        owner = admin.tokenHash;
      }
      const socket = ctx.socket;
      app.hub.follow(socket, session.id, audience, owner);
      // After the reply: the current turnout, then whatever results this audience may see.
      ctx.after = () => app.livePush.catchUp(session.id, audience, socket);
      return { type: 'subscribed', ...rid, sessionId: session.id };
    }
    case 'ping':
      return { type: 'pong', ...rid, version: PROTOCOL_VERSION };
    default:
      return assertNever(msg);
  }
}
