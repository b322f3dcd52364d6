/**
 * axe-core in a real page, without loosening the page's Content-Security-Policy: its source
 * is evaluated through the DevTools protocol (page.evaluate), which a CSP does not govern, so
 * the app's headers stay exactly as served. What axe leaves undecided is decided here:
 * colour contrast from the colours really painted (the text's computed colour against the
 * pixels of a screenshot taken with that text made transparent), any other undecided item
 * counts as a finding, to be fixed in the markup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail the audit (the bar: moderate or higher). */
const FAILING = new Set(['moderate', 'serious', 'critical']);

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  target: string;
  detail: string;
}

export const formatFinding = (f: Finding) => `${f.screen}: ${f.rule} (${f.impact}) ${f.target} — ${f.detail}`;

interface AxeNode {
  target: unknown[];
  impact?: string | null;
  html: string;
  failureSummary?: string;
  any: { data?: unknown; message: string }[];
}
interface AxeRule {
  id: string;
  impact?: string | null;
  nodes: AxeNode[];
}

/** Let transitions finish (a colour caught mid-fade is not the colour a person reads); endless animations are left running. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Run axe on what the page shows now. `screen` names it in the findings. Returns violations
 * of impact moderate or higher, undecided contrast that the real colours fail, and every other
 * undecided item of that impact.
 */
export async function audit(page: Page, screen: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  await settle(page);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[]; incomplete: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    // Drop axe's long pass/fail lists: only what is reported travels back.
    return JSON.parse(JSON.stringify({ violations: r.violations, incomplete: r.incomplete }));
  });
  const findings: Finding[] = [];
  const add = (rule: AxeRule, node: AxeNode, detail: string, impact = node.impact ?? rule.impact ?? 'unknown') =>
    findings.push({ screen, rule: rule.id, impact, target: JSON.stringify(node.target), detail });

  for (const rule of result.violations as AxeRule[]) {
    for (const node of rule.nodes) {
      if (FAILING.has(node.impact ?? rule.impact ?? '')) add(rule, node, firstLine(node.failureSummary ?? node.html));
    }
  }
  for (const rule of result.incomplete as AxeRule[]) {
    for (const node of rule.nodes) {
      if (rule.id === 'color-contrast') {
        const measured = await paintedContrast(page, node.target);
        if (process.env.A11Y_VERBOSE) console.log(`${screen}: undecided contrast ${JSON.stringify(node.target)} → ${measured.detail}`);
        if (!measured.ok) add(rule, node, `painted contrast ${measured.detail}`, 'serious');
      } else if (FAILING.has(node.impact ?? rule.impact ?? '')) {
        add(rule, node, `undecided by axe: ${firstLine(node.any[0]?.message ?? node.html)}`);
      }
    }
  }
  return findings;
}

const firstLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');

/**
 * The contrast of an element's text as painted: its computed colour (with its own and its
 * ancestors' opacity) against the darkest and the lightest pixel behind its text, read from
 * a screenshot taken with the text (its own and its descendants') made transparent — so a
 * gradient, an image, a pseudo-element or an overlapping box counts as what it really is.
 */
export async function paintedContrast(page: Page, target: unknown[]): Promise<{ ok: boolean; detail: string }> {
  const selector = target[0];
  if (typeof selector !== 'string' || target.length !== 1) return { ok: false, detail: `cannot measure ${JSON.stringify(target)}` };
  const probe = await page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    // Read now: a computed style is live, and the text is about to be made transparent.
    const cs = getComputedStyle(el);
    const style = { color: cs.color, fontSize: parseFloat(cs.fontSize), fontWeight: Number(cs.fontWeight) || 400 };
    let opacity = 1;
    for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    // The box of the element's own text lines (not its border or padding).
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const box = rects.length ? rects : [el.getBoundingClientRect()];
    const left = Math.min(...box.map((r) => r.left));
    const top = Math.min(...box.map((r) => r.top));
    const right = Math.max(...box.map((r) => r.right));
    const bottom = Math.max(...box.map((r) => r.bottom));
    // Hide the text while keeping everything else painted.
    const hidden: [HTMLElement, string, string, string][] = [];
    for (const e of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
      hidden.push([e, e.style.color, e.style.textShadow, e.style.getPropertyValue('-webkit-text-fill-color')]);
      e.style.setProperty('color', 'transparent', 'important');
      e.style.setProperty('text-shadow', 'none', 'important');
      e.style.setProperty('-webkit-text-fill-color', 'transparent', 'important');
    }
    (window as unknown as { __axeHidden: typeof hidden }).__axeHidden = hidden;
    return {
      ...style,
      opacity,
      clip: { x: Math.max(0, Math.floor(left)), y: Math.max(0, Math.floor(top)), width: Math.ceil(right - left), height: Math.ceil(bottom - top) },
    };
  }, selector);
  if (!probe) return { ok: false, detail: `${selector} not found` };
  let png: Buffer;
  try {
    const viewport = page.viewportSize()!;
    const clip = { ...probe.clip, width: Math.max(1, Math.min(probe.clip.width, viewport.width - probe.clip.x)), height: Math.max(1, Math.min(probe.clip.height, viewport.height - probe.clip.y)) };
    png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate(() => {
      const w = window as unknown as { __axeHidden?: [HTMLElement, string, string, string][] };
      for (const [e, color, shadow, fill] of w.__axeHidden ?? []) {
        e.style.color = color;
        e.style.textShadow = shadow;
        e.style.setProperty('-webkit-text-fill-color', fill);
      }
      delete w.__axeHidden;
    });
  }
  const ratios = await page.evaluate(
    async ({ data, color, opacity }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      const lum = (r: number, g: number, b: number) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      const [fr = 0, fg = 0, fb = 0, fa = 1] = (/rgba?\(([^)]+)\)/.exec(color)?.[1] ?? '0,0,0').split(/[,\s/]+/).filter(Boolean).map(Number);
      const alpha = fa * opacity;
      let worst = Infinity;
      let worstBg = '';
      for (let i = 0; i < px.length; i += 4) {
        const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
        // A translucent text colour is painted over this very pixel.
        const f = lum(fr * alpha + r * (1 - alpha), fg * alpha + g * (1 - alpha), fb * alpha + b * (1 - alpha));
        const l = lum(r, g, b);
        const ratio = (Math.max(f, l) + 0.05) / (Math.min(f, l) + 0.05);
        if (ratio < worst) {
          worst = ratio;
          worstBg = `rgb(${r}, ${g}, ${b})`;
        }
      }
      return { worst, worstBg };
    },
    { data: png.toString('base64'), color: probe.color, opacity: probe.opacity },
  );
  const large = probe.fontSize >= 24 || (probe.fontSize >= 18.66 && probe.fontWeight >= 700);
  const need = large ? 3 : 4.5;
  return {
    ok: ratios.worst >= need,
    detail: `${ratios.worst.toFixed(2)}:1 (${probe.color} on ${ratios.worstBg}, ${probe.fontSize}px ${probe.fontWeight}; needs ${need}:1)`,
  };
}
