import type Sqlite from 'better-sqlite3';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { openDatabase } from '../db/open';
import type { Database } from '../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    sqlite: Sqlite.Database;
  }
}

/** Opens and migrates the SQLite file; closes it when the app closes. */
export default fp<{ file: string }>(
  async (app, opts) => {
    const { db, sqlite } = await openDatabase(opts.file);
    app.decorate('db', db);
    app.decorate('sqlite', sqlite);
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'db' },
);
