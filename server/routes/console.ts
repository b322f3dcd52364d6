/** Every route the secretariat console adds beyond server/routes/sessions.ts, registered as one plugin. */
import type { FastifyInstance } from 'fastify';
import committeeRoutes from './committee';
import paperRoutes from './paper';
import peopleImportRoutes from './people-import';
import presetRoutes from './preset';
import sessionsExtraRoutes from './sessions-extra';
import slipPrintRoutes from './slip-print';

export default async function consoleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sessionsExtraRoutes);
  await app.register(peopleImportRoutes);
  await app.register(committeeRoutes);
  await app.register(paperRoutes);
  await app.register(slipPrintRoutes);
  await app.register(presetRoutes);
}
