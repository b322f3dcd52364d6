/**
 * The print pages' style sheets and bundled fonts, served by the real app: every font a
 * style sheet names is there and is a TrueType file, nothing else is, and the pages that use
 * them carry no inline style or script.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedMinutesVote } from '../../test/minutes-vote';
import { PRINT_FONT_FILES } from '../print/fonts';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('/print/ assets', () => {
  it('serves each style sheet and every font it names, without a login, and nothing else', async () => {
    for (const sheet of ['minutes.css', 'minutes-draft.css', 'slips.css', 'receipts.css']) {
      const res = await fetch(`${server.url}/print/${sheet}`);
      expect(res.status, sheet).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
      const css = await res.text();
      for (const [, name] of css.matchAll(/url\("\/print\/fonts\/([^"]+)"\)/g)) {
        const font = await fetch(`${server.url}/print/fonts/${name}`);
        expect(font.status, name).toBe(200);
        expect(font.headers.get('content-type')).toBe('font/ttf');
        const bytes = new Uint8Array(await font.arrayBuffer());
        expect([...bytes.slice(0, 4)], name).toEqual([0, 1, 0, 0]);
        expect(Buffer.from(bytes).equals(readFileSync(PRINT_FONT_FILES[name!]!)), name).toBe(true);
      }
    }
    const minutes = await (await fetch(`${server.url}/print/minutes.css`)).text();
    expect(minutes).toContain('url("/print/fonts/noto-serif-regular.ttf")');
    expect(minutes).toContain('url("/print/fonts/noto-serif-bold.ttf")');
    expect(minutes).toMatch(/@top-right \{ content: "Trang " counter\(page\) "\/" counter\(pages\)/);
    for (const bad of ['nope.css', 'fonts/nope.ttf', 'fonts/..%2F..%2Fpackage.json', 'fonts/DejaVuSans.ttf', '..%2Fpackage.json']) {
      expect((await fetch(`${server.url}/print/${bad}`)).status, bad).toBeGreaterThanOrEqual(400);
    }
  });

  it('leaves the minutes, slip and receipts pages without inline style or script', async () => {
    const { session } = await closedMinutesVote(server, { people: 2, phoneBallots: 2 });
    const draft = await prepareSession(server.admin, { slips: 2 });
    const pages = [
      `/api/admin/sessions/${session.id}/minutes`,
      `/api/admin/sessions/${draft.session.id}/slips/print`,
      `/r/${session.id}`,
    ];
    for (const path of pages) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: server.admin.cookieHeader } });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toMatch(/<style|\sstyle=|<script/i);
      expect(html, path).toMatch(/<link rel="stylesheet" href="\/print\/[a-z-]+\.css">/);
    }
  });
});
