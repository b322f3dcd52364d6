/**
 * The screenshots of the operator's guide (docs/huong-dan-su-dung.md). `npm run guide:screenshots`
 * sets TINNHIEM_GUIDE_DIR=docs/guide so they replace the committed ones; another directory
 * (TINNHIEM_GUIDE_DIR=/tmp/x) writes them there and still checks them against docs/guide/.
 * Without TINNHIEM_GUIDE_DIR the walk is skipped, so CI never rewrites the docs.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOT_DIR } from './browser';

export const REPO = resolve(import.meta.dirname, '..');
/** Where the guide's committed pictures live. */
export const COMMITTED_DIR = join(REPO, 'docs', 'guide');
export const GUIDE_FILE = join(REPO, 'docs', 'huong-dan-su-dung.md');
/** Where this run writes them. */
export const OUT_DIR = process.env.TINNHIEM_GUIDE_DIR ? resolve(REPO, process.env.TINNHIEM_GUIDE_DIR) : join(SCREENSHOT_DIR, 'guide');
export const WRITING_GUIDE = OUT_DIR === COMMITTED_DIR;

/** The only screen sizes the guide shows: the laptop, a phone, the projector. */
export const GUIDE_SIZES = {
  laptop: { width: 1366, height: 768 },
  phone: { width: 360, height: 740 },
  projector: { width: 1280, height: 720 },
} as const;

/**
 * The guide's pictures are kept small: all of them together under this (38 screens at their
 * own size came to about 3.2 MiB, ~85 KiB each; a new picture that is a whole page, or at a
 * larger size, will not fit).
 */
export const GUIDE_BUDGET_BYTES = 4 * 1024 * 1024;

const written = new Map<string, number>();

/**
 * Save `target` (the whole visible screen, or one element of it) as `name`.png, after
 * checking the screen is one of the guide's sizes. Never a full-page shot: a long page
 * would make a huge picture. `hide` are painted over in grey (a member's share: even a demo
 * vote's share must not teach a reader to photograph one); each must be on screen, so a
 * renamed element cannot leave a secret in the picture unnoticed.
 */
export async function guideShot(target: Page | Locator, name: string, hide: Locator[] = []): Promise<void> {
  const page = 'viewportSize' in target ? target : target.page();
  const size = page.viewportSize();
  expect(Object.values(GUIDE_SIZES), `${name}: screen ${JSON.stringify(size)}`).toContainEqual(size);
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.png`);
  // Fonts are loaded and nothing is moving: a caret or a transition caught mid-way is not what the caption says.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  for (const h of hide) expect(await h.isVisible(), `${name}: what must be covered is not on screen`).toBe(true);
  await target.screenshot({ path, animations: 'disabled', caret: 'hide', mask: hide, maskColor: '#9aa0a6' });
  written.set(name, statSync(path).size);
}

/** The pictures the guide refers to, `guide/<name>.png`, in order. */
export function guideReferences(): string[] {
  return [...readFileSync(GUIDE_FILE, 'utf8').matchAll(/\]\(guide\/([a-z0-9-]+)\.png\)/g)].map((m) => m[1]!);
}

/**
 * What the run wrote agrees with the guide: every picture written is referenced and every
 * reference was written, the whole set fits the budget, and docs/guide/ holds exactly these.
 */
export function checkGuidePictures(): void {
  const names = [...written.keys()].sort();
  const refs = guideReferences();
  expect(refs.filter((r) => !written.has(r)), 'pictures the guide refers to that no step takes').toEqual([]);
  expect(names.filter((n) => !refs.includes(n)), 'pictures taken that the guide never shows').toEqual([]);
  const total = [...written.values()].reduce((a, b) => a + b, 0);
  expect(total, `${(total / 1024).toFixed(0)} KiB of pictures`).toBeLessThan(GUIDE_BUDGET_BYTES);
  const committed = readdirSync(COMMITTED_DIR).filter((f) => f.endsWith('.png')).map((f) => f.slice(0, -4)).sort();
  // In an ordinary run a new or renamed picture must have been committed too: `npm run guide:screenshots`.
  expect(committed, 'docs/guide/ out of date: run npm run guide:screenshots').toEqual(names);
}
