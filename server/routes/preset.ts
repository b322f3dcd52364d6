/** Editing a session's copy of its preset while it is a draft (docs/api-console.md). */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { resetSessionPreset, setSessionPreset } from '../domain/session-preset';
import { getSession } from '../domain/sessions';
import { sessionDetail } from './sessions';
import { operatorOf } from '../plugins/auth';
import { serve } from './serve';

/**
 * Fastify's default validator strips properties a schema does not allow; an edited preset
 * with a field the server does not know is refused instead, so no edit is silently lost.
 */
const exactly: FastifySchemaCompiler<TSchema> = ({ schema }) => (data) =>
  Value.Check(schema, data) ? { value: data } : { error: new Error('schema mismatch') };

export default async function presetRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'PUT /api/admin/sessions/:id/preset', { validatorCompiler: exactly }, async (request) => {
    const { id } = request.params;
    await setSessionPreset(app.db, id, request.body, operatorOf(request));
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  serve(app, 'POST /api/admin/sessions/:id/preset/reset', async (request) => {
    const { id } = request.params;
    await resetSessionPreset(app.db, id, operatorOf(request));
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });
}
