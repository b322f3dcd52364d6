/**
 * What a page hears from its link to the server and what it may ask of it: the contract
 * client/socket.ts fulfils, and that a test fulfils with a scripted link instead.
 */
import type { ClientMessage, ServerMessage } from '../shared/protocol';

export type SocketStatus = 'connecting' | 'open' | 'offline' | 'closed';
/** Why a socket stopped by itself: the server speaks a newer protocol, or the console's login ended. */
export type SocketEnd = 'outdated' | 'logged-out';

export class NetworkError extends Error {
  constructor() {
    super('network');
  }
}

/** What a page hears from its socket; a test may hand these to a scripted link instead. */
export interface SocketEvents {
  status: { value: SocketStatus };
  /** After each (re)connect, the version checked: subscribe again, resend what is pending. */
  onOpen?(): void;
  onPush?(msg: ServerMessage): void;
  /** The socket stopped for good by itself (it does not reconnect). */
  onEnd?(end: SocketEnd): void;
}

/** The socket as a page uses it (a test can give a scripted one). */
export interface Link {
  start(): void;
  close(): void;
  request(msg: ClientMessage): Promise<ServerMessage>;
  /** Resolves when the link is (again) open, or after `maxWaitMs`. */
  ready(maxWaitMs: number): Promise<void>;
  /** True while the server can push to this page (an open WebSocket). */
  readonly pushing: boolean;
}
