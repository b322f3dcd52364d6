/**
 * What makes an edited preset sound beyond its shape (the shape is the route's TypeBox
 * schema): level ids unique, thresholds pointing at real levels, fractions that are
 * fractions, bounds that some count could meet, and what the shipped preset locks.
 * Pure, so the console can check a draft before it sends it and the server decides.
 */
import { isAddress } from './address';
import type { ErrorCode } from './errors';
import { findPreset, type Bound, type Preset, type Text } from './presets';

/** Level ids are what ballots carry: short, lower-case ASCII. */
export const LEVEL_ID_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 5;
/** The largest numerator or denominator of a bound or of the quorum. */
export const MAX_FRACTION_TERM = 1000;

function fractionOk(f: { num: number; den: number }): boolean {
  const term = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_FRACTION_TERM;
  return term(f.num) && term(f.den) && f.num <= f.den;
}

/** Sign of a/b − c/d, by integer comparison. */
function compareFractions(a: Pick<Bound, 'num' | 'den'>, b: Pick<Bound, 'num' | 'den'>): number {
  return Math.sign(a.num * b.den - b.num * a.den);
}

/**
 * Whether some share in [0, 1] satisfies every bound: the largest lower bound must sit
 * below the smallest upper bound (or meet it when both include the boundary).
 */
export function boundsSatisfiable(bounds: readonly Bound[]): boolean {
  let lower: { num: number; den: number; strict: boolean } = { num: 0, den: 1, strict: false };
  let upper: { num: number; den: number; strict: boolean } = { num: 1, den: 1, strict: false };
  for (const b of bounds) {
    if (b.op === '>' || b.op === '>=') {
      const c = compareFractions(b, lower);
      if (c > 0 || (c === 0 && b.op === '>')) lower = { num: b.num, den: b.den, strict: b.op === '>' };
    } else {
      const c = compareFractions(b, upper);
      if (c < 0 || (c === 0 && b.op === '<')) upper = { num: b.num, den: b.den, strict: b.op === '<' };
    }
  }
  const c = compareFractions(lower, upper);
  return c < 0 || (c === 0 && !lower.strict && !upper.strict);
}

/**
 * Every problem of `preset`, as error codes in the order met, each code once; empty when
 * the preset is sound. With `shipped`, also what the shipped preset locks: its id and
 * whether live results need an explicit override (`sensitive`).
 */
export function presetProblems(preset: Preset, shipped?: Preset): ErrorCode[] {
  const problems = new Set<ErrorCode>();
  const blank = (text: Text) => text.vi.trim() === '' || text.en.trim() === '';

  if (preset.levels.length < MIN_LEVELS || preset.levels.length > MAX_LEVELS) problems.add('preset-level-count');
  const levelIds = new Set<string>();
  for (const level of preset.levels) {
    if (!LEVEL_ID_PATTERN.test(level.id)) problems.add('preset-bad-level-id');
    if (levelIds.has(level.id)) problems.add('preset-duplicate-level');
    levelIds.add(level.id);
    if (blank(level.label)) problems.add('preset-empty-label');
  }

  const thresholdIds = new Set<string>();
  for (const threshold of preset.thresholds) {
    if (thresholdIds.has(threshold.id)) problems.add('preset-duplicate-threshold');
    thresholdIds.add(threshold.id);
    if (!levelIds.has(threshold.level)) problems.add('preset-unknown-level');
    if (threshold.label.vi.trim() === '') problems.add('preset-empty-label');
    if (threshold.bounds.length === 0) problems.add('preset-no-bounds');
    const fractionsOk = threshold.bounds.every(fractionOk);
    if (!fractionsOk) problems.add('preset-bad-fraction');
    else if (!boundsSatisfiable(threshold.bounds)) problems.add('preset-empty-band');
  }

  if (!fractionOk(preset.quorum)) problems.add('preset-bad-quorum');
  if (!isAddress(preset.address)) problems.add('preset-bad-address');
  if (!preset.baseOptions.includes(preset.base)) problems.add('bad-base');

  if (shipped) {
    if (preset.id !== shipped.id) problems.add('preset-id-changed');
    if (preset.sensitive !== shipped.sensitive) problems.add('preset-sensitive-locked');
  }
  return [...problems];
}

function cleanText(text: Text): Text {
  return { vi: text.vi.normalize('NFC').trim(), en: text.en.normalize('NFC').trim() };
}

/**
 * Every text of the preset in NFC and trimmed (phones and keyboards send decomposed
 * Vietnamese; the minutes and comparisons need one form), and `baseOptions` de-duplicated.
 */
export function normalisePreset(preset: Preset): Preset {
  return {
    ...preset,
    name: cleanText(preset.name),
    rule: cleanText(preset.rule),
    header: cleanText(preset.header),
    levels: preset.levels.map((l) => ({ ...l, label: cleanText(l.label) })),
    baseOptions: [...new Set(preset.baseOptions)],
    thresholds: preset.thresholds.map((t) => ({
      ...t,
      bounds: t.bounds.map((b) => ({ ...b })),
      label: cleanText(t.label),
      consequence: cleanText(t.consequence),
    })),
    quorum: { ...preset.quorum },
  };
}

/** Structural equality of JSON values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether a session's copy differs from the shipped preset it was copied from (or that preset is gone). */
export function presetCustomised(copy: Preset): boolean {
  const shipped = findPreset(copy.id);
  return !shipped || !jsonEqual(copy, shipped);
}
