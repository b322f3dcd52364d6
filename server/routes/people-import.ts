/**
 * Importing the people rated from CSV or a spreadsheet paste: preview first (nothing
 * changes), then confirm the clean rows. The confirm step re-checks every row.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { MAX_IMPORT_ROWS, parsePersonsCsv, personError } from '../../shared/csv';
import { AppError } from '../../shared/errors';
import { audit } from '../domain/audit';
import { getSession, listPersons, replacePersons } from '../domain/sessions';
import { MAX_TEXT_CARRIED, SessionIdParams } from './schemas';
import { operatorOf } from '../plugins/auth';

const PreviewBody = Type.Object({ text: Type.String({ maxLength: 512 * 1024 }) }, { additionalProperties: false });
const ConfirmBody = Type.Object(
  {
    mode: Type.Union([Type.Literal('append'), Type.Literal('replace')]),
    rows: Type.Array(
      Type.Object(
        { fullName: Type.String({ maxLength: MAX_TEXT_CARRIED }), position: Type.String({ maxLength: MAX_TEXT_CARRIED }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_IMPORT_ROWS },
    ),
  },
  { additionalProperties: false },
);

export default async function peopleImportRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/admin/sessions/:id/persons/import/preview', { schema: { params: SessionIdParams, body: PreviewBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const session = await getSession(app.db, id);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    return parsePersonsCsv((request.body as Static<typeof PreviewBody>).text);
  });

  app.post('/api/admin/sessions/:id/persons/import/confirm', { schema: { params: SessionIdParams, body: ConfirmBody } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const { mode, rows } = request.body as Static<typeof ConfirmBody>;
    for (const row of rows) {
      const code = personError(row.fullName, row.position);
      if (code) throw new AppError(code);
    }
    const existing = mode === 'append' ? await listPersons(app.db, id) : [];
    if (existing.length + rows.length > MAX_IMPORT_ROWS) throw new AppError('csv-too-many-rows');
    const persons = await replacePersons(app.db, id, [...existing, ...rows]);
    await audit(app.db, {
      sessionId: id,
      actor: operatorOf(request),
      event: 'persons.changed',
      detail: { count: persons.length, imported: rows.length, mode },
    });
    return { persons };
  });
}
