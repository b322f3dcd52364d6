/**
 * The display's colours that SVG draws (fill attributes, so no inline style is needed). Every
 * text/background pair on the display is checked by computing the contrast of the colours the
 * browser really paints (e2e/display-fit.e2e.test.ts); graphics against the background are at
 * least 3:1 (colors.test.ts).
 */

/** The page background (display.css `--bg`), which graphics are seen against. */
export const BACKGROUND = '#0b1626';

/** Level colours chosen for a projector: saturated, distinct for colour-blind viewers. */
const BY_LEVEL: Record<string, string> = {
  high: '#1f9d55',
  medium: '#3b7bea',
  low: '#e0602a',
  trust: '#1f9d55',
  'no-trust': '#e0602a',
};
const FALLBACK = ['#1f9d55', '#3b7bea', '#e0602a', '#a855f7', '#0ea5a5'];
export const INVALID_COLOR = '#8a8f98';

export function levelColor(levelId: string, index: number): string {
  return BY_LEVEL[levelId] ?? FALLBACK[index % FALLBACK.length]!;
}

/**
 * The turnout bar's three shades, one inside the other: people present, ballots handed out,
 * ballots collected. Each a step lighter, so they read apart on a washed-out projector too.
 */
export const TURNOUT_COLORS = {
  present: '#56709a',
  issued: '#a3b8d6',
  collected: '#ffd23f',
} as const;

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
