import { describe, expect, it } from 'vitest';
import { customisedNote, describeBound, describeThresholds } from './preset-describe';
import { findPreset, PRESETS, type Preset } from './presets';

const qd96 = findPreset('qd96-2023')!;

describe('describeThresholds', () => {
  it('prints 96-QĐ/TW as its two bands of low confidence, in both languages', () => {
    expect(describeThresholds(qd96, 'vi')).toBe('Tín nhiệm thấp > 1/2 và < 2/3; Tín nhiệm thấp ≥ 2/3');
    expect(describeThresholds(qd96, 'en')).toBe('Low confidence > 1/2 and < 2/3; Low confidence ≥ 2/3');
  });

  it('prints each operator with its own sign, so "trên 2/3" and "từ 2/3 trở lên" read differently', () => {
    expect(describeBound({ op: '>', num: 2, den: 3 })).toBe('> 2/3');
    expect(describeBound({ op: '>=', num: 2, den: 3 })).toBe('≥ 2/3');
    expect(describeBound({ op: '<', num: 1, den: 2 })).toBe('< 1/2');
    expect(describeBound({ op: '<=', num: 1, den: 2 })).toBe('≤ 1/2');
  });

  it('uses the edited level label, and prints an unknown level id as it is', () => {
    const edited: Preset = {
      ...qd96,
      levels: qd96.levels.map((l) => (l.id === 'low' ? { ...l, label: { vi: 'Tín nhiệm rất thấp', en: 'Very low' } } : l)),
      thresholds: [{ ...qd96.thresholds[1]!, bounds: [{ op: '>', num: 2, den: 3 }] }, { ...qd96.thresholds[0]!, level: 'ghost' }],
    };
    expect(describeThresholds(edited, 'vi')).toBe('Tín nhiệm rất thấp > 2/3; ghost > 1/2 và < 2/3');
  });

  it('says so when there is no threshold, and every shipped preset prints without an unknown level', () => {
    expect(describeThresholds({ ...qd96, thresholds: [] }, 'vi')).toBe('Không có ngưỡng');
    expect(describeThresholds(findPreset('nq96-2023-bo-phieu')!, 'vi')).toBe('Không tín nhiệm > 1/2');
    for (const preset of PRESETS) {
      for (const lang of ['vi', 'en'] as const) expect(describeThresholds(preset, lang)).not.toMatch(/(^|; )[a-z-]+ [<>≤≥]/);
    }
  });

  it('writes the minutes line for an edited preset', () => {
    expect(customisedNote(qd96, 'vi')).toBe(
      'Quy định áp dụng đã được Ban tổ chức điều chỉnh: Tín nhiệm thấp > 1/2 và < 2/3; Tín nhiệm thấp ≥ 2/3.',
    );
  });
});
