/**
 * What the print pages load besides themselves: their style sheets (so no page needs an
 * inline style under the CSP) and the bundled fonts (Noto Serif for the minutes, DejaVu for
 * the slips). Public and free of any vote's data: the receipts page a phone opens uses them
 * too. Nothing is fetched from the internet.
 */
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { AppError } from '../../shared/errors';
import { PRINT_FONT_FILES } from '../print/fonts';
import { MINUTES_CSS, MINUTES_DRAFT_CSS } from '../print/minutes-css';
import { RECEIPTS_CSS } from '../print/receipts-html';
import { SLIPS_CSS } from '../print/slip-html';
import { serve } from './serve';

const STYLESHEETS: Record<string, string> = {
  'minutes.css': MINUTES_CSS,
  'minutes-draft.css': MINUTES_DRAFT_CSS,
  'slips.css': SLIPS_CSS,
  'receipts.css': RECEIPTS_CSS,
};

export default async function printAssetRoutes(app: FastifyInstance): Promise<void> {
  serve(app, 'GET /print/:name', async (request, reply) => {
    const { name } = request.params;
    const css = STYLESHEETS[name];
    if (css === undefined) throw new AppError('not-found');
    // Revalidated each time: a new version's style must not wait for a cache to expire.
    return reply.type('text/css; charset=utf-8').header('Cache-Control', 'no-cache').send(css);
  });

  serve(app, 'GET /print/fonts/:name', async (request, reply) => {
    const { name } = request.params;
    const file = PRINT_FONT_FILES[name];
    if (file === undefined) throw new AppError('not-found');
    return reply.type('font/ttf').header('Cache-Control', 'public, max-age=86400').send(createReadStream(file));
  });
}
