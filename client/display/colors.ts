/** Level colours chosen for a projector: saturated, distinct for colour-blind viewers, white text on each. */
const BY_LEVEL: Record<string, string> = {
  high: '#1f9d55',
  medium: '#2f6fdf',
  low: '#e0602a',
  trust: '#1f9d55',
  'no-trust': '#e0602a',
};
const FALLBACK = ['#1f9d55', '#2f6fdf', '#e0602a', '#a855f7', '#0ea5a5'];
export const INVALID_COLOR = '#8a8f98';

export function levelColor(levelId: string, index: number): string {
  return BY_LEVEL[levelId] ?? FALLBACK[index % FALLBACK.length]!;
}
