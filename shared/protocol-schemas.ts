/**
 * The TypeBox schemas the server validates client messages with (server/ws/dispatch.ts), one
 * per message of shared/protocol.ts. The assertions at the end fail to compile when a schema
 * and its message type disagree, so the browser's types and the server's checks cannot drift.
 */
import { Type, type Static } from 'typebox';
import { AUTH_TEXT_LENGTH, SEALED_TEXT_LENGTH } from './box';
import type { CastMessage, ClientMessage, PingMessage, SlipOpenMessage, SubscribeMessage } from './protocol';

const Rid = Type.Optional(Type.String({ maxLength: 40 }));
const SlipId = Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{4}$' });
const B64u = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength });
const SessionId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' });

/** Open a slip: proves the secret is known, returns the ballot to fill and the slip's state. */
export const SlipOpenSchema = Type.Object(
  { type: Type.Literal('slip.open'), rid: Rid, slipId: SlipId, proof: B64u(64) },
  { additionalProperties: false },
);
/**
 * Cast a ballot sealed to the box (shared/box.ts), authenticated by the slip's key. Every
 * field has a fixed length, so every cast frame has the same size. Resend the same `nonce`,
 * `sealed` and `auth` after a lost acknowledgement.
 */
export const CastSchema = Type.Object(
  {
    type: Type.Literal('cast'),
    rid: Rid,
    slipId: SlipId,
    nonce: B64u(64),
    sealed: Type.String({ pattern: '^[A-Za-z0-9_-]+$', minLength: SEALED_TEXT_LENGTH, maxLength: SEALED_TEXT_LENGTH }),
    auth: Type.String({ pattern: '^[A-Za-z0-9_-]+$', minLength: AUTH_TEXT_LENGTH, maxLength: AUTH_TEXT_LENGTH }),
  },
  { additionalProperties: false },
);
/** Follow a session's turnout (and its results when they may be shown): console by cookie, display by key. */
export const SubscribeSchema = Type.Object(
  { type: Type.Literal('subscribe'), rid: Rid, sessionId: SessionId, displayKey: Type.Optional(B64u(64)) },
  { additionalProperties: false },
);
export const PingSchema = Type.Object({ type: Type.Literal('ping'), rid: Rid }, { additionalProperties: false });

export const ClientMessageSchema = Type.Union([SlipOpenSchema, CastSchema, SubscribeSchema, PingSchema]);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<Static<typeof SlipOpenSchema>, SlipOpenMessage>,
  Same<Static<typeof CastSchema>, CastMessage>,
  Same<Static<typeof SubscribeSchema>, SubscribeMessage>,
  Same<Static<typeof PingSchema>, PingMessage>,
  Same<Static<typeof ClientMessageSchema>, ClientMessage>,
] = [true, true, true, true, true];
void agree;
