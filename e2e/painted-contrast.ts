/**
 * The contrast of text as really painted, for what axe leaves undecided (text over a
 * gradient, an image, a pseudo-element, a box partly over it): the text's computed colour,
 * with its own and its ancestors' opacity, against every pixel behind its lines, read from a
 * screenshot taken with that text made transparent. Text that a person cannot see now — under
 * an opaque box, or behind an open modal dialog, whose page is inert — is said so, not measured.
 * One screenshot serves every element in view; the page scrolls only to bring the others in.
 */
import type { Page } from 'playwright-core';

export interface Painted {
  /** The axe target, as given. */
  target: unknown[];
  ok: boolean;
  detail: string;
  /** The element left the page before it could be measured. */
  gone?: boolean;
}

interface Probe {
  index: number;
  color: string;
  opacity: number;
  fontSize: number;
  fontWeight: number;
  /** The box of the text's lines, in viewport pixels; null when not wholly in view. */
  clip: { x: number; y: number; width: number; height: number } | null;
  /** Why the text is not seen now, or null when it is. */
  unseen: string | null;
  missing: boolean;
  /** Scrolled to, and still not on screen (inside a clipped box). */
  stuck: boolean;
}

/** Measure every target (axe's selector arrays); each is decided, none left undecided. */
export async function paintedContrasts(page: Page, targets: unknown[][]): Promise<Painted[]> {
  const out = new Map<number, Painted>();
  const selectors = targets.map((t) => (t.length === 1 && typeof t[0] === 'string' ? t[0] : null));
  selectors.forEach((s, i) => s === null && out.set(i, { target: targets[i]!, ok: false, detail: `cannot measure ${JSON.stringify(targets[i])}` }));
  for (let round = 0; round < targets.length && out.size < targets.length; round++) {
    const todo = selectors.map((s, i) => (s !== null && !out.has(i) ? { index: i, selector: s } : null)).filter((x) => x !== null);
    const probes = await page.evaluate(probeAndHide, todo);
    const inView = probes.filter((p) => p.clip !== null);
    let png: Buffer | null = null;
    try {
      if (inView.length > 0) png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
    } finally {
      await page.evaluate(restoreText);
    }
    const ratios = png ? await page.evaluate(measure, { data: png.toString('base64'), probes: inView }) : [];
    for (const p of probes) {
      const target = targets[p.index]!;
      if (p.missing) out.set(p.index, { target, ok: false, gone: true, detail: `${selectors[p.index]} is gone from the page` });
      else if (p.stuck) out.set(p.index, { target, ok: false, detail: 'could not be brought into view' });
      else if (p.unseen) out.set(p.index, { target, ok: true, detail: `not seen now: ${p.unseen}` });
    }
    for (const [i, p] of inView.entries()) {
      const r = ratios[i]!;
      const large = p.fontSize >= 24 || (p.fontSize >= 18.66 && p.fontWeight >= 700);
      const need = large ? 3 : 4.5;
      out.set(p.index, {
        target: targets[p.index]!,
        ok: r.worst >= need,
        detail: `${r.worst.toFixed(2)}:1 (${p.color} on ${r.worstBg}, ${p.fontSize}px ${p.fontWeight}; needs ${need}:1)`,
      });
    }
  }
  return targets.map((t, i) => out.get(i) ?? { target: t, ok: false, detail: 'could not be brought into view' });
}

/**
 * In the page: bring the first element into view, note every element's colours and text box,
 * and make the text of those in view transparent (kept for restoreText).
 */
function probeAndHide(todo: { index: number; selector: string }[]): Probe[] {
  const found = todo.map((t) => ({ ...t, el: document.querySelector<HTMLElement>(t.selector) }));
  const first = found.find((f) => f.el)?.el ?? null;
  first?.scrollIntoView({ block: 'center', inline: 'nearest' });
  const modal = document.querySelector('[aria-modal="true"]');
  const opaque = (e: Element) => {
    const c = /rgba?\(([^)]+)\)/.exec(getComputedStyle(e).backgroundColor)?.[1]?.split(/[,\s/]+/).filter(Boolean).map(Number) ?? [];
    return (c[3] ?? 1) === 1 && c.length >= 3 && getComputedStyle(e).opacity === '1';
  };
  const hidden: [HTMLElement, string, string, string][] = [];
  const probes = found.map(({ index, el }): Probe => {
    const none = { index, color: '', opacity: 1, fontSize: 0, fontWeight: 0, clip: null, unseen: null, stuck: false };
    if (!el) return { ...none, missing: true };
    const cs = getComputedStyle(el);
    let opacity = 1;
    for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const lines = rects.length ? rects : [el.getBoundingClientRect()];
    const left = Math.floor(Math.min(...lines.map((r) => r.left)));
    const top = Math.floor(Math.min(...lines.map((r) => r.top)));
    const right = Math.ceil(Math.max(...lines.map((r) => r.right)));
    const bottom = Math.ceil(Math.max(...lines.map((r) => r.bottom)));
    const probe = { index, color: cs.color, opacity, fontSize: parseFloat(cs.fontSize), fontWeight: Number(cs.fontWeight) || 400, missing: false, stuck: false };
    if (modal && !modal.contains(el)) return { ...probe, clip: null, unseen: 'behind an open modal dialog (the page under it is inert)' };
    const inView = left >= 0 && top >= 0 && right <= innerWidth && bottom <= innerHeight;
    // The element scrolled to is measured on what shows of it, even when taller than the screen.
    const clip = { x: Math.max(0, left), y: Math.max(0, top), width: Math.min(innerWidth, right) - Math.max(0, left), height: Math.min(innerHeight, bottom) - Math.max(0, top) };
    if (!inView && (el !== first || clip.width <= 0 || clip.height <= 0)) return { ...probe, clip: null, unseen: null, stuck: el === first };
    // What is on top at the middle of the text: the element itself, or something over it.
    const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) {
      for (let e: Element | null = hit; e && !e.contains(el); e = e.parentElement) {
        if (opaque(e)) return { ...probe, clip: null, unseen: `under ${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''}` };
      }
    }
    for (const e of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
      hidden.push([e, e.style.color, e.style.textShadow, e.style.getPropertyValue('-webkit-text-fill-color')]);
      e.style.setProperty('color', 'transparent', 'important');
      e.style.setProperty('text-shadow', 'none', 'important');
      e.style.setProperty('-webkit-text-fill-color', 'transparent', 'important');
    }
    return { ...probe, clip, unseen: null };
  });
  (window as unknown as { __hiddenText: typeof hidden }).__hiddenText = hidden;
  return probes;
}

function restoreText(): void {
  const w = window as unknown as { __hiddenText?: [HTMLElement, string, string, string][] };
  for (const [e, color, shadow, fill] of w.__hiddenText ?? []) {
    e.style.color = color;
    e.style.textShadow = shadow;
    e.style.setProperty('-webkit-text-fill-color', fill);
  }
  delete w.__hiddenText;
}

/** In the page: each probe's worst contrast over the pixels behind its text. */
async function measure({ data, probes }: { data: string; probes: Probe[] }): Promise<{ worst: number; worstBg: string }[]> {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  // The screenshot is in device pixels.
  const scale = bitmap.width / innerWidth;
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = (r: number, g: number, b: number) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return probes.map((p) => {
    const c = p.clip!;
    const x = Math.round(c.x * scale);
    const y = Math.round(c.y * scale);
    const w = Math.max(1, Math.min(Math.round(c.width * scale), bitmap.width - x));
    const h = Math.max(1, Math.min(Math.round(c.height * scale), bitmap.height - y));
    const px = ctx.getImageData(x, y, w, h).data;
    const [fr = 0, fg = 0, fb = 0, fa = 1] = (/rgba?\(([^)]+)\)/.exec(p.color)?.[1] ?? '0,0,0').split(/[,\s/]+/).filter(Boolean).map(Number);
    const alpha = fa * p.opacity;
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
  });
}
