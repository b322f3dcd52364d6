import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundHolds, findPreset, PRESETS, type Bound, type Preset } from './presets';
import { boundsSatisfiable, jsonEqual, normalisePreset, presetCustomised, presetProblems } from './preset-validate';

const qd96 = findPreset('qd96-2023')!;
const nq96 = findPreset('nq96-2023-lay-phieu')!;
const copy = (p: Preset): Preset => JSON.parse(JSON.stringify(p)) as Preset;

describe('presetProblems', () => {
  it('finds nothing wrong in any shipped preset', () => {
    for (const preset of PRESETS) expect(presetProblems(preset, preset), preset.id).toEqual([]);
  });

  it('addresses delegates as "đồng chí" in the Party and army presets, "đại biểu" in the National Assembly and People\'s Council ones', () => {
    expect(Object.fromEntries(PRESETS.map((p) => [p.id, p.address]))).toEqual({
      'qd96-2023': 'dong-chi',
      'qd1992-2023-army': 'dong-chi',
      'nq96-2023-lay-phieu': 'dai-bieu',
      'nq96-2023-bo-phieu': 'dai-bieu',
    });
  });

  it('lets the address be changed either way, and refuses any other or a missing one', () => {
    expect(presetProblems({ ...qd96, address: 'dai-bieu' }, qd96)).toEqual([]);
    expect(presetProblems({ ...nq96, address: 'dong-chi' }, nq96)).toEqual([]);
    for (const address of ['ban', 'Đồng chí', 'dong chi', '', undefined, null, 1]) {
      expect(presetProblems({ ...qd96, address } as unknown as Preset, qd96), String(address)).toEqual(['preset-bad-address']);
    }
  });

  it('accepts "trên 2/3" (strictly more) in place of "từ 2/3 trở lên"', () => {
    const edited = copy(qd96);
    edited.thresholds[1]!.bounds = [{ op: '>', num: 2, den: 3 }];
    expect(presetProblems(edited, qd96)).toEqual([]);
  });

  it('refuses a threshold on a level the preset does not have', () => {
    const edited = copy(qd96);
    edited.thresholds[0]!.level = 'very-low';
    expect(presetProblems(edited, qd96)).toEqual(['preset-unknown-level']);
  });

  it('refuses duplicate level ids, bad level ids, and too few or too many levels', () => {
    const dup = copy(qd96);
    dup.levels[1]!.id = 'high';
    expect(presetProblems(dup)).toContain('preset-duplicate-level');
    const bad = copy(qd96);
    bad.levels[0]!.id = 'Cao';
    expect(presetProblems(bad)).toContain('preset-bad-level-id');
    expect(presetProblems({ ...qd96, levels: qd96.levels.slice(2) })).toContain('preset-level-count');
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `l${i}`, label: { vi: `Mức ${i}`, en: `Level ${i}` } }));
    expect(presetProblems({ ...qd96, levels: six, thresholds: [] })).toEqual(['preset-level-count']);
  });

  it('refuses empty labels (level in either language, threshold in Vietnamese)', () => {
    const level = copy(qd96);
    level.levels[0]!.label.en = '  ';
    expect(presetProblems(level)).toEqual(['preset-empty-label']);
    const threshold = copy(qd96);
    threshold.thresholds[0]!.label.vi = '';
    expect(presetProblems(threshold)).toEqual(['preset-empty-label']);
  });

  it('refuses fractions above 1, zero or over 1000 terms, and non-integers', () => {
    for (const bound of [
      { op: '>=', num: 3, den: 2 },
      { op: '>=', num: 0, den: 2 },
      { op: '>=', num: 1, den: 1001 },
      { op: '>=', num: 1.5, den: 3 },
    ] as Bound[]) {
      const edited = copy(qd96);
      edited.thresholds[1]!.bounds = [bound];
      expect(presetProblems(edited), JSON.stringify(bound)).toEqual(['preset-bad-fraction']);
    }
    expect(presetProblems({ ...qd96, quorum: { num: 4, den: 3 } })).toEqual(['preset-bad-quorum']);
  });

  it('refuses a threshold with no bound, duplicate threshold ids, and bounds no count can meet', () => {
    const none = copy(qd96);
    none.thresholds[0]!.bounds = [];
    expect(presetProblems(none)).toEqual(['preset-no-bounds']);
    const dup = copy(qd96);
    dup.thresholds[1]!.id = dup.thresholds[0]!.id;
    expect(presetProblems(dup)).toEqual(['preset-duplicate-threshold']);
    const empty = copy(qd96);
    empty.thresholds[0]!.bounds = [
      { op: '>', num: 2, den: 3 },
      { op: '<', num: 1, den: 2 },
    ];
    expect(presetProblems(empty)).toEqual(['preset-empty-band']);
  });

  it('refuses a base outside the base options', () => {
    expect(presetProblems({ ...qd96, base: 'valid' })).toEqual(['bad-base']);
    expect(presetProblems({ ...qd96, base: 'valid', baseOptions: ['collected', 'valid'] })).toEqual([]);
  });

  it('keeps what the shipped preset locks: its id and whether live results are sensitive', () => {
    expect(presetProblems({ ...qd96, sensitive: false }, qd96)).toEqual(['preset-sensitive-locked']);
    expect(presetProblems({ ...nq96, sensitive: true }, nq96)).toEqual(['preset-sensitive-locked']);
    expect(presetProblems({ ...qd96, id: 'mine' }, qd96)).toEqual(['preset-id-changed']);
    expect(presetProblems({ ...qd96, sensitive: false })).toEqual([]);
  });
});

describe('boundsSatisfiable', () => {
  it('treats a shared boundary as reachable only when both sides include it', () => {
    expect(boundsSatisfiable([{ op: '>=', num: 1, den: 2 }, { op: '<=', num: 1, den: 2 }])).toBe(true);
    expect(boundsSatisfiable([{ op: '>', num: 1, den: 2 }, { op: '<=', num: 2, den: 4 }])).toBe(false);
    expect(boundsSatisfiable([{ op: '>', num: 1, den: 1 }])).toBe(false);
    expect(boundsSatisfiable([{ op: '<', num: 1, den: 3 }, { op: '<', num: 2, den: 3 }])).toBe(true);
  });

  it('agrees with the tally: satisfiable exactly when some count out of some base crosses', () => {
    const bound = fc.record({
      op: fc.constantFrom<Bound['op']>('>', '>=', '<', '<='),
      num: fc.integer({ min: 1, max: 6 }),
      den: fc.integer({ min: 1, max: 6 }),
    }).filter((b) => b.num <= b.den);
    fc.assert(
      fc.property(fc.array(bound, { minLength: 1, maxLength: 3 }), (bounds) => {
        // Every share with denominator up to 72 (a multiple of every den up to 6, and between any two of them).
        let reached = false;
        for (let base = 1; base <= 72 && !reached; base++) {
          for (let count = 0; count <= base && !reached; count++) reached = bounds.every((b) => boundHolds(b, count, base));
        }
        expect(boundsSatisfiable(bounds)).toBe(reached);
      }),
    );
  });
});

describe('normalisePreset, jsonEqual, presetCustomised', () => {
  it('stores texts in NFC, trimmed, and drops repeated base options', () => {
    const edited = copy(qd96);
    edited.thresholds[0]!.consequence.vi = ' Miễn nhiệm chức vụ. '.normalize('NFD');
    edited.levels[2]!.label.vi = 'Tín nhiệm thấp'.normalize('NFD');
    edited.baseOptions = ['collected', 'collected'];
    const clean = normalisePreset(edited);
    expect(clean.thresholds[0]!.consequence.vi).toBe('Miễn nhiệm chức vụ.'.normalize('NFC'));
    expect(clean.levels[2]!.label.vi).toBe(qd96.levels[2]!.label.vi);
    expect(clean.baseOptions).toEqual(['collected']);
    expect(edited.baseOptions).toEqual(['collected', 'collected']);
  });

  it('compares JSON values whatever the key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: [] }, { a: {} })).toBe(false);
  });

  it('says a copy is customised only when it differs from its shipped preset', () => {
    const reordered = JSON.parse(JSON.stringify(qd96, Object.keys(qd96).reverse().concat('vi', 'en', 'op', 'num', 'den', 'id', 'label', 'level', 'bounds', 'consequence'))) as Preset;
    expect(presetCustomised(copy(qd96))).toBe(false);
    expect(presetCustomised(normalisePreset(copy(qd96)))).toBe(false);
    expect(presetCustomised({ ...reordered })).toBe(false);
    const edited = copy(qd96);
    edited.thresholds[1]!.bounds[0]!.op = '>';
    expect(presetCustomised(edited)).toBe(true);
    expect(presetCustomised({ ...qd96, id: 'gone' })).toBe(true);
  });
});
