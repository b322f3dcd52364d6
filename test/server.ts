/** Builds the real app on a temporary SQLite file, listening on loopback, for tests. */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminClient } from '../scripts/lib/client';
import { buildApp, type AppOptions } from '../server/app';
import type { BaseId } from '../shared/presets';

export const TEST_PASSWORD = 'test-password-123';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  dir: string;
  dbFile: string;
  admin: AdminClient;
  close(): Promise<void>;
}

export async function startTestServer(options: Partial<AppOptions> = {}, dir?: string): Promise<TestServer> {
  const workDir = dir ?? mkdtempSync(join(tmpdir(), 'tinnhiem-test-'));
  const dbFile = join(workDir, 'tinnhiem.db');
  const app = await buildApp({ dbFile, adminPassword: TEST_PASSWORD, loginDelayMs: 20, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = new AdminClient(url);
  await admin.login(TEST_PASSWORD);
  return {
    app,
    url,
    dir: workDir,
    dbFile,
    admin,
    async close() {
      await app.close();
      if (!dir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** The committee `prepareSession` enters and seals the box to (2 of 3 open it). */
export const TEST_COMMITTEE = ['Nguyễn Thị Hòa', 'Trần Văn Bình', 'Lê Quốc Cường'];

/**
 * A draft session with `persons` people and `slips` slips, ready to open. By default its
 * box is sealed to `TEST_COMMITTEE` (2 of 3) and `shares` holds the members' codes;
 * `sealed: false` chooses an unsealed box instead (live results, no ceremony).
 */
export async function prepareSession(
  admin: AdminClient,
  opts: { persons?: number; slips?: number; presetId?: string; summoned?: number; present?: number; base?: BaseId; sealed?: boolean } = {},
) {
  const session = await admin.call('POST /api/admin/sessions', { body: {
    title: 'Hội nghị lấy phiếu tín nhiệm',
    organisation: 'Đảng bộ tỉnh Quảng Ninh',
    place: 'Hạ Long',
    locality: 'Hạ Long',
    heldOn: '2026-11-27',
    presetId: opts.presetId ?? 'qd96-2023',
    summoned: opts.summoned ?? 100,
    present: opts.present ?? 90,
    ...(opts.base ? { base: opts.base } : {}),
  } });
  const n = opts.persons ?? 3;
  const { persons } = await admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
    persons: Array.from({ length: n }, (_, i) => ({ fullName: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}${i}`, position: 'Ủy viên Ban Thường vụ' })),
  } });
  const { slips } = await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: opts.slips ?? 5 } });
  let shares: string[] = [];
  if (opts.sealed === false) await admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: false } });
  else shares = await admin.sealBox(session.id, { committee: TEST_COMMITTEE, threshold: 2 });
  return { session, persons: persons as { id: string; fullName: string }[], slips: slips as { id: string; code: string; path: string }[], shares };
}

/** Close voting and, for a sealed box, open it with the first two members' shares. */
export async function closeAndOpenBox(admin: AdminClient, sessionId: string, shares: string[]): Promise<void> {
  await admin.call('POST /api/admin/sessions/:id/close', { params: { id: sessionId } });
  if (shares.length > 0) await admin.openBox(sessionId, shares.slice(0, 2));
}
