/**
 * A preset's rules as one line a person can check: the console's "Quy định áp dụng" panel
 * and the minutes of an edited preset both print this, so they cannot disagree.
 */
import type { Lang } from './errors';
import type { Bound, Preset, Threshold } from './presets';

/** The operator as printed: the mathematical signs read the same in both languages. */
export const OPERATOR_SIGNS: Record<Bound['op'], string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

const AND: Record<Lang, string> = { vi: ' và ', en: ' and ' };
const NONE: Record<Lang, string> = { vi: 'Không có ngưỡng', en: 'No thresholds' };

/** "≥ 2/3" */
export function describeBound(bound: Bound): string {
  return `${OPERATOR_SIGNS[bound.op]} ${bound.num}/${bound.den}`;
}

/** "Tín nhiệm thấp > 1/2 và < 2/3"; an unknown level prints its id, so a mistake shows. */
export function describeThreshold(threshold: Threshold, preset: Pick<Preset, 'levels'>, lang: Lang): string {
  const level = preset.levels.find((l) => l.id === threshold.level);
  const name = level ? level.label[lang] : threshold.level;
  return threshold.bounds.map((b, i) => (i === 0 ? `${name} ${describeBound(b)}` : describeBound(b))).join(AND[lang]);
}

/**
 * Every threshold of a preset, joined by "; ":
 * "Tín nhiệm thấp > 1/2 và < 2/3; Tín nhiệm thấp ≥ 2/3".
 */
export function describeThresholds(preset: Pick<Preset, 'levels' | 'thresholds'>, lang: Lang): string {
  if (preset.thresholds.length === 0) return NONE[lang];
  return preset.thresholds.map((t) => describeThreshold(t, preset, lang)).join('; ');
}

/** "Quy định áp dụng đã được Ban tổ chức điều chỉnh: …", the line the minutes add for an edited preset. */
export function customisedNote(preset: Pick<Preset, 'levels' | 'thresholds'>, lang: Lang): string {
  const lead = lang === 'vi' ? 'Quy định áp dụng đã được Ban tổ chức điều chỉnh: ' : 'The rules applied were adjusted by the organisers: ';
  return `${lead}${describeThresholds(preset, lang)}.`;
}
