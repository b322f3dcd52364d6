/**
 * Importing the people rated from CSV or a spreadsheet paste: preview first (nothing
 * changes), then confirm the clean rows. The confirm step re-checks every row.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_IMPORT_ROWS, parsePersonsCsv, personError } from '../../shared/csv';
import { AppError } from '../../shared/errors';
import { getSession, listPersons, replacePersons } from '../domain/sessions';
import { operatorOf } from '../plugins/auth';
import { serve } from './serve';

export default async function peopleImportRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'POST /api/admin/sessions/:id/persons/import/preview', async (request) => {
    const { id } = request.params;
    const session = await getSession(app.db, id);
    if (session.state !== 'draft') throw new AppError('session-not-draft');
    return parsePersonsCsv(request.body.text);
  });

  serve(app, 'POST /api/admin/sessions/:id/persons/import/confirm', async (request) => {
    const { id } = request.params;
    const { mode, rows } = request.body;
    for (const row of rows) {
      const code = personError(row.fullName, row.position);
      if (code) throw new AppError(code);
    }
    const existing = mode === 'append' ? await listPersons(app.db, id) : [];
    if (existing.length + rows.length > MAX_IMPORT_ROWS) throw new AppError('csv-too-many-rows');
    const persons = await replacePersons(app.db, id, [...existing, ...rows], operatorOf(request), { imported: rows.length, mode });
    return { persons };
  });
}
