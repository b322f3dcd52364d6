/**
 * `npm start` runs the server compiled by esbuild (build/server.mjs) with plain node and the
 * flags its script names. Build it and start it as `npm start` does and check that it starts, serves the pages, and finds what it reads from
 * disk at run time (the migrations, the PDF fonts, the cast worker's module build/cast-worker.mjs,
 * the chunks holding the PDF and .docx writers, which load on first use).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { startCommand } from '../scripts/lib/start-command';
import { ROOT_DIR } from './app';
import { closeAndOpenBox, prepareSession } from '../test/server';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-compiled-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the compiled server', () => {
  it('starts with node, migrates a new database, prints slips as a PDF, records a ballot and writes the minutes', async () => {
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT_DIR, stdio: 'ignore' });
    // As `npm start` runs it: its node flags, then the entry.
    const started = startCommand(ROOT_DIR);
    expect(started.entry).toBe('build/server.mjs');
    child = spawn(process.execPath, [...started.nodeArgs, join(ROOT_DIR, started.entry)], {
      cwd: ROOT_DIR,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ADMIN_PASSWORD: 'compiled-pw', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/localhost:(\d+)\/admin/.exec(out);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child!.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
    });
    const admin = new AdminClient(url);
    await admin.login('compiled-pw');
    const { session, shares } = await prepareSession(admin, { persons: 1, slips: 2 });
    const pdf = await fetch(`${url}/api/admin/sessions/${session.id}/slips/print.pdf`, { headers: { cookie: admin.cookieHeader } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // A cast goes through the batch worker, which the compiled server loads from its own file.
    const { slips } = await admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id } });
    await admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const slip = slipFromPath((slips as { path: string }[])[0]!.path);
    const phone = await WsClient.connect(url);
    await phone.openSlip(slip, { native: true });
    const cast = await sealBallot(slip, await admin.ballotBox(session.id), {}, { native: true });
    expect(await phone.request(castMessage(cast))).toMatchObject({ type: 'recorded', already: false });
    phone.close();
    // The PDF and .docx writers load on first use, from chunks built beside the server.
    await closeAndOpenBox(admin, session.id, shares);
    for (const [file, magic] of [['minutes.pdf', '%PDF-'], ['minutes.docx', 'PK']] as const) {
      const res = await fetch(`${url}/api/admin/sessions/${session.id}/${file}`, { headers: { cookie: admin.cookieHeader } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, magic.length).toString()).toBe(magic);
    }
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    expect(child.exitCode).toBe(0);
  });
});
