/**
 * The wire protocol between phones, console, display and server.
 *
 * One schema per message; `ClientMessage` and `ServerMessage` are unions tagged on `type`.
 * The server validates every client message once, on arrival (server/ws/dispatch.ts), and
 * answers an invalid one with `{ type: 'error', code }`. The same messages travel over the
 * WebSocket at `/ws` and, as a fallback, as the body of `POST /api/message`.
 *
 * Browser code must `import type` from here: the schemas are for the server.
 */
import { Type, type Static } from 'typebox';
import { AUTH_TEXT_LENGTH, SEALED_TEXT_LENGTH } from './box';
import type { Address } from './address';
import type { ErrorCode } from './errors';
import type { Level, Text } from './presets';
import type { TallyResult } from './tally';

export const PROTOCOL_VERSION = 2;
/** Largest message the server reads, in bytes. A ballot for 60 people is well under it. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const Rid = Type.Optional(Type.String({ maxLength: 40 }));
const SlipId = Type.String({ pattern: '^[0-9A-HJKMNP-TV-Z]{4}$' });
const B64u = (maxLength: number) => Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength });
const SessionId = Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' });

/** Open a slip: proves the secret is known, returns the ballot to fill and the slip's state. */
export const SlipOpenMessage = Type.Object(
  { type: Type.Literal('slip.open'), rid: Rid, slipId: SlipId, proof: B64u(64) },
  { additionalProperties: false },
);
/**
 * Cast a ballot sealed to the box (shared/box.ts), authenticated by the slip's key. Every
 * field has a fixed length, so every cast frame has the same size. Resend the same `nonce`,
 * `sealed` and `auth` after a lost acknowledgement.
 */
export const CastMessage = Type.Object(
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
export const SubscribeMessage = Type.Object(
  { type: Type.Literal('subscribe'), rid: Rid, sessionId: SessionId, displayKey: Type.Optional(B64u(64)) },
  { additionalProperties: false },
);
export const PingMessage = Type.Object({ type: Type.Literal('ping'), rid: Rid }, { additionalProperties: false });

export const ClientMessageSchema = Type.Union([SlipOpenMessage, CastMessage, SubscribeMessage, PingMessage]);
export type SlipOpenMessage = Static<typeof SlipOpenMessage>;
export type CastMessage = Static<typeof CastMessage>;
export type SubscribeMessage = Static<typeof SubscribeMessage>;
export type PingMessage = Static<typeof PingMessage>;
export type ClientMessage = Static<typeof ClientMessageSchema>;

export type SessionState = 'draft' | 'open' | 'closed';

/** What a phone is shown about the vote: never counts, never other slips. */
export interface BallotSessionView {
  id: string;
  title: string;
  organisation: string;
  rule: Text;
  kind: 'lay-phieu' | 'bo-phieu';
  /** How the phone addresses the delegate ("đồng chí" or "đại biểu"), from the session's preset. */
  address: Address;
  state: SessionState;
  levels: Level[];
  /** The box's public key (base64url) once voting is open: every ballot is sealed to it. */
  box: string | null;
  /** In printed order: a sealed ballot has one byte per person in this order. */
  persons: { id: string; fullName: string; position: string }[];
}

/** Turnout as the console and the display see it. */
export interface Turnout {
  sessionId: string;
  title: string;
  state: SessionState;
  /** Ballots handed out (phát ra): unvoided slips plus paper ballots handed out. */
  issued: number;
  /** Ballots collected (thu về): phone and paper. */
  collected: number;
  present: number;
  summoned: number;
  openedAt: string | null;
  closedAt: string | null;
  published: boolean;
}

export type ServerMessage =
  | { type: 'slip'; rid?: string; slipId: string; state: 'unused' | 'used'; session: BallotSessionView }
  | { type: 'state'; sessionId: string; state: SessionState }
  | { type: 'recorded'; rid?: string; slipId: string; already: boolean }
  | { type: 'subscribed'; rid?: string; sessionId: string }
  | { type: 'turnout'; turnout: Turnout }
  | { type: 'results'; sessionId: string; live: boolean; results: TallyResult }
  /** Live results were switched off while voting is open: drop every live count now on screen. */
  | { type: 'results-withdrawn'; sessionId: string }
  | { type: 'pong'; rid?: string; version: number }
  /** To consoles: the disk is full and casts are refused (`full`), or space is back. */
  | { type: 'storage'; full: boolean }
  | { type: 'error'; rid?: string; code: ErrorCode };

/** Compile-time exhaustiveness: a `switch` over message types ends with `default: assertNever(msg)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
