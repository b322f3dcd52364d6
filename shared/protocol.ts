/**
 * The wire protocol between phones, console, display and server.
 *
 * `ClientMessage` and `ServerMessage` are unions tagged on `type`; this module holds only
 * types and constants, so every face can import it (and `assertNever`) without bundling a
 * validator. The schemas the server validates each client message with, once, on arrival
 * (server/ws/dispatch.ts), are in ./protocol-schemas.ts, checked at compile time against
 * these types. An invalid message is answered with `{ type: 'error', code }`. The same
 * messages travel over the WebSocket at `/ws` and, as a fallback, as the body of
 * `POST /api/message`.
 */
import type { Address } from './address';
import type { ErrorCode } from './errors';
import type { Level, Text } from './presets';
import type { TallyResult } from './tally';

export const PROTOCOL_VERSION = 2;
/** Largest message the server reads, in bytes. A ballot for 60 people is well under it. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Open a slip: proves the secret is known, returns the ballot to fill and the slip's state. */
export interface SlipOpenMessage {
  type: 'slip.open';
  rid?: string;
  slipId: string;
  proof: string;
}
/**
 * Cast a ballot sealed to the box (shared/box.ts), authenticated by the slip's key. Every
 * field has a fixed length, so every cast frame has the same size. Resend the same `nonce`,
 * `sealed` and `auth` after a lost acknowledgement.
 */
export interface CastMessage {
  type: 'cast';
  rid?: string;
  slipId: string;
  nonce: string;
  sealed: string;
  auth: string;
}
/** Follow a session's turnout (and its results when they may be shown): console by cookie, display by key. */
export interface SubscribeMessage {
  type: 'subscribe';
  rid?: string;
  sessionId: string;
  displayKey?: string;
}
export interface PingMessage {
  type: 'ping';
  rid?: string;
}
/** Every message a phone, display or console sends; the server's schemas are in ./protocol-schemas.ts. */
export type ClientMessage = SlipOpenMessage | CastMessage | SubscribeMessage | PingMessage;

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
