/**
 * The live hub: who follows which session over the WebSocket, and what they are sent.
 * Ballot pages follow the session's state (so a waiting page opens by itself); the console
 * and displays follow turnout. Per-person counts are sent only through `sendResults`,
 * which the results code calls when the rules allow.
 */
import type { WebSocket } from 'ws';
import fp from 'fastify-plugin';
import type { ServerMessage, Turnout } from '../../shared/protocol';
import { getTurnout } from '../domain/sessions';

export type Audience = 'ballot' | 'console' | 'display';

export interface Hub {
  /** `owner`: for a console, the hash of its login token, so logging out can end the feed. */
  follow(socket: WebSocket, sessionId: string, audience: Audience, owner?: string): void;
  /** Close every console feed opened under this login (on logout). */
  endLogin(owner: string): void;
  /** Turnout changed (a cast, slips issued or voided, attendance): coalesced per tick. */
  turnoutChanged(sessionId: string): void;
  /** The session opened or closed: tell every follower. */
  stateChanged(sessionId: string): Promise<void>;
  /** Send a message to the followers of a session in the given audiences. */
  send(sessionId: string, audiences: Audience[], msg: ServerMessage): void;
  /** Send to every socket of these audiences, whatever session it follows. */
  broadcast(audiences: Audience[], msg: ServerMessage): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: Hub;
  }
}

export function sendMessage(socket: WebSocket, msg: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
}

export default fp(
  async (app) => {
    const rooms = new Map<string, Map<WebSocket, Audience>>();
    const pending = new Set<string>();

    function send(sessionId: string, audiences: Audience[], msg: ServerMessage): void {
      const room = rooms.get(sessionId);
      if (!room) return;
      const text = JSON.stringify(msg);
      for (const [socket, audience] of room) {
        if (audiences.includes(audience) && socket.readyState === socket.OPEN) socket.send(text);
      }
    }

    async function flushTurnout(sessionId: string): Promise<void> {
      const room = rooms.get(sessionId);
      try {
        const turnout = await getTurnout(app.db, sessionId);
        if (room && room.size > 0) send(sessionId, ['console', 'display'], { type: 'turnout', turnout });
        // The one follow-up of a turnout change: live counts, where the rules allow (plugins/live-push.ts).
        await app.livePush.afterTurnout(turnout);
      } catch (err) {
        app.log.warn({ code: (err as Error).name }, 'turnout broadcast failed');
      }
    }

    const owned = new Map<string, Set<WebSocket>>();

    const hub: Hub = {
      follow(socket, sessionId, audience, owner) {
        let room = rooms.get(sessionId);
        if (!room) rooms.set(sessionId, (room = new Map()));
        room.set(socket, audience);
        if (owner !== undefined) {
          let sockets = owned.get(owner);
          if (!sockets) owned.set(owner, (sockets = new Set()));
          sockets.add(socket);
        }
        socket.once('close', () => {
          room.delete(socket);
          if (room.size === 0 && rooms.get(sessionId) === room) rooms.delete(sessionId);
          if (owner !== undefined) {
            owned.get(owner)?.delete(socket);
            if (owned.get(owner)?.size === 0) owned.delete(owner);
          }
        });
      },
      endLogin(owner) {
        // 4001: an application close code the console reads as "logged out".
        for (const socket of owned.get(owner) ?? []) socket.close(4001, 'logged out');
        owned.delete(owner);
      },
      turnoutChanged(sessionId) {
        if (pending.has(sessionId)) return;
        pending.add(sessionId);
        setImmediate(() => {
          pending.delete(sessionId);
          void flushTurnout(sessionId);
        });
      },
      async stateChanged(sessionId) {
        const turnout = await getTurnout(app.db, sessionId);
        send(sessionId, ['ballot'], { type: 'state', sessionId, state: turnout.state });
        send(sessionId, ['console', 'display'], { type: 'turnout', turnout });
      },
      send,
      broadcast(audiences, msg) {
        for (const sessionId of rooms.keys()) send(sessionId, audiences, msg);
      },
    };
    app.decorate('hub', hub);
  },
  { name: 'hub', dependencies: ['db'] },
);
