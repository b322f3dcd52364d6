/** The app's one FloodGuard (server/domain/flood.ts), sized by the slips of votes not yet closed. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_FLOOD_LIMITS, FloodGuard, type FloodLimits } from '../domain/flood';

declare module 'fastify' {
  interface FastifyInstance {
    flood: FloodGuard;
  }
}

export interface FloodOptions {
  limits?: Partial<FloodLimits> | undefined;
  /** Milliseconds; tests move it by hand instead of waiting. */
  clock?: (() => number) | undefined;
}

export default fp<FloodOptions>(
  async (app, opts) => {
    const hall = app.sqlite.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM slips JOIN vote_sessions ON vote_sessions.id = slips.session_id WHERE vote_sessions.state != 'closed'",
    );
    const guard = new FloodGuard(() => hall.get()?.n ?? 0, { ...DEFAULT_FLOOD_LIMITS, ...opts.limits }, opts.clock ?? Date.now);
    app.decorate('flood', guard);
  },
  { name: 'flood', dependencies: ['db'] },
);

/**
 * The per-address HTTP limit (@fastify/rate-limit) of a public route, sized like the socket
 * limits: a hall's phones on the HTTP fallback behind one address stay well inside it.
 */
export function hallRateLimit(app: FastifyInstance) {
  const { httpPerMinuteBase, httpPerMinutePerSlip } = app.flood.limits;
  return { max: () => Math.floor(httpPerMinuteBase + httpPerMinutePerSlip * app.flood.hallSlips), timeWindow: 60_000 };
}
