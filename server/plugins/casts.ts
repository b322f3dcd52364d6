/** The cast's group commit (server/domain/cast-commit.ts) as the app's one committer. */
import fp from 'fastify-plugin';
import { CastCommitter } from '../domain/cast-commit';

declare module 'fastify' {
  interface FastifyInstance {
    casts: CastCommitter;
  }
}

export default fp(
  async (app) => {
    const committer = new CastCommitter(app.db, app.sqlite);
    app.decorate('casts', committer);
    // Answer every cast already received before the database closes.
    app.addHook('onClose', async () => committer.idle());
  },
  { name: 'casts', dependencies: ['db'] },
);
