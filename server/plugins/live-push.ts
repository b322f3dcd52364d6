/**
 * When a display (or the console) gets results — in one place. Published results go to every
 * follower on publish and to any that subscribes later; live counts, where the rules allow
 * them, go through `LiveResultsGate` (server/domain/live-results.ts: 5 new ballots, 5 s
 * apart, the last count kept across a restart). The hub names this plugin's `afterTurnout`
 * as the one thing it calls after each turnout broadcast, and the WebSocket transport calls
 * `catchUp` after it has answered a `subscribe`. Its clock, timer and spacing come from
 * `buildApp`'s options, so tests move time by hand.
 */
import type { WebSocket } from 'ws';
import fp from 'fastify-plugin';
import type { Turnout } from '../../shared/protocol';
import { computeResults } from '../domain/lifecycle';
import { LiveResultsGate, type LiveResultsOptions } from '../domain/live-results';
import { findSession, getTurnout } from '../domain/sessions';
import { sendMessage, type Audience } from './hub';

export interface LivePush {
  /** After each turnout broadcast: live counts, if the rules allow a push now. */
  afterTurnout(turnout: Turnout): Promise<void>;
  /** A display or console has just subscribed (its reply sent): turnout, then what results it may see. */
  catchUp(sessionId: string, audience: Audience, socket: WebSocket): Promise<void>;
  /** Results were published: every display and console of the session gets them. */
  published(sessionId: string): Promise<void>;
  /** Live results were switched on or off by the secretariat. */
  liveSwitched(sessionId: string, enabled: boolean): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    livePush: LivePush;
  }
}

export default fp<{ live?: LiveResultsOptions | undefined }>(
  async (app, opts) => {
    const gate = new LiveResultsGate(app.db, (sessionId, msg) => app.hub.send(sessionId, ['display', 'console'], msg), opts.live);
    app.addHook('onClose', async () => gate.close());

    const livePush: LivePush = {
      afterTurnout: (turnout) => gate.onTurnout(turnout),
      async catchUp(sessionId, _audience, socket) {
        sendMessage(socket, { type: 'turnout', turnout: await getTurnout(app.db, sessionId) });
        const session = await findSession(app.db, sessionId);
        if (!session) return;
        if (session.state === 'closed' && session.publishedAt !== null) {
          sendMessage(socket, { type: 'results', sessionId, live: false, results: await computeResults(app.db, sessionId) });
          return;
        }
        const snapshot = await gate.forSubscriber(sessionId);
        if (snapshot) sendMessage(socket, { type: 'results', sessionId, live: true, results: snapshot });
      },
      async published(sessionId) {
        // Turnout (now marked published) first, then the counts, to every display in the hall.
        await app.hub.stateChanged(sessionId);
        app.hub.send(sessionId, ['display', 'console'], { type: 'results', sessionId, live: false, results: await computeResults(app.db, sessionId) });
      },
      async liveSwitched(sessionId, enabled) {
        // Switching on mid-vote may already allow a push; switching off takes the counts off every screen.
        if (enabled) await gate.enabled(sessionId);
        else gate.withdraw(sessionId);
      },
    };
    app.decorate('livePush', livePush);
  },
  { name: 'live-push', dependencies: ['db', 'hub'] },
);
