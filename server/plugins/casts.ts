/** The cast's group commit (server/domain/cast-committer.ts) as the app's one committer. */
import fp from 'fastify-plugin';
import { CastCommitter } from '../domain/cast-committer';

declare module 'fastify' {
  interface FastifyInstance {
    casts: CastCommitter;
  }
}

export default fp(
  async (app) => {
    const committer = new CastCommitter(app.db, app.sqlite, (full, err) => {
      // The real cause, once per change, never the casts themselves.
      const code = (err as { code?: string } | undefined)?.code;
      if (full) app.log.error({ code }, 'disk full: casts are refused until space is freed');
      else if (err) app.log.error({ code, name: (err as Error).name }, 'cast batch failed');
      else app.log.warn('disk space is back: casts are recorded again');
      if (full || !err) app.hub.broadcast(['console'], { type: 'storage', full });
    });
    app.decorate('casts', committer);
    // Answer every cast already received, and close the batches' connection, before the database closes.
    app.addHook('onClose', async () => committer.close());
  },
  { name: 'casts', dependencies: ['db', 'hub'] },
);
