import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../server/test-helpers';
import { PHONE, PROJECTOR, useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe('every page works with no internet', () => {
  for (const [path, viewport] of [
    ['/', PHONE],
    ['/admin', PROJECTOR],
    ['/display/abcdefgh12#key', PROJECTOR],
  ] as const) {
    it(`${path} loads only from this server, in Vietnamese, without errors`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['127.0.0.1', 'data:', 'blob:'].some((h) => url.hostname === h || url.protocol === h)) foreign.push(req.url());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect((await page.textContent('body'))!.trim().length).toBeGreaterThan(0);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
