/**
 * What `npm run simulate` leaves behind once its vote is closed: it publishes the results
 * (so the display link shows them) and, with `--out DIR`, saves the minutes and the exports
 * exactly as the console would download them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdminClient } from './client';

export const EXPORT_FILES = {
  'minutes.pdf': 'minutes.pdf',
  'results.csv': 'results.csv',
  'results.json': 'results.json',
  'ballots.json': 'ballots.json',
} as const;

export interface SimulateOutputs {
  /** A working display link for the simulated vote (its key in the fragment). */
  displayUrl: string;
  /** Files written under `--out`, or empty. */
  files: string[];
}

/** The display link of a session (its key in the fragment). */
export async function displayLink(admin: AdminClient, sessionId: string): Promise<string> {
  const { displayKey } = await admin.call('GET /api/admin/sessions/:id', { params: { id: sessionId } });
  return `${admin.baseUrl}/display/${sessionId}#${displayKey}`;
}

/** Publish a closed session, build its display link, and (with `outDir`) save the exports. */
export async function publishAndExport(admin: AdminClient, sessionId: string, outDir?: string): Promise<SimulateOutputs> {
  await admin.call('POST /api/admin/sessions/:id/publish', { params: { id: sessionId } });
  const displayUrl = await displayLink(admin, sessionId);
  const files: string[] = [];
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    for (const [route, name] of Object.entries(EXPORT_FILES)) {
      const res = await fetch(`${admin.baseUrl}/api/admin/sessions/${sessionId}/${route}`, { headers: { cookie: admin.cookieHeader } });
      if (!res.ok) throw new Error(`GET ${route}: ${res.status}`);
      const file = join(outDir, name);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      files.push(file);
    }
  }
  return { displayUrl, files };
}
