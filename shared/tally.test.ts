import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPreset, quorumMet, type Preset } from './presets';
import { tally, type TallyBallot, type TallySession } from './tally';

const qd96 = findPreset('qd96-2023')!;
const army = findPreset('qd1992-2023-army')!;
const nq96Lay = findPreset('nq96-2023-lay-phieu')!;
const nq96Bo = findPreset('nq96-2023-bo-phieu')!;

function session(over: Partial<TallySession> = {}): TallySession {
  return {
    summoned: 400,
    present: 350,
    issued: { phone: 300, paper: 0 },
    base: 'collected',
    persons: [{ id: 'p1', fullName: 'Nguyễn Văn An', position: 'Bí thư' }],
    ...over,
  };
}

/** `low` ballots marking p1 low, the rest `rest` (a level id, or null for no mark). */
function ballots(total: number, low: number, rest: string | null = 'high', lowLevel = 'low'): TallyBallot[] {
  return Array.from({ length: total }, (_, i) => ({ source: 'phone' as const, marks: { p1: i < low ? lowLevel : rest } }));
}

const crossed = (preset: Preset, s: TallySession, b: TallyBallot[]) => tally(s, b, preset).persons[0]!.thresholds.map((t) => t.id);

describe('Quy định 96-QĐ/TW thresholds, base = ballots collected', () => {
  it('base 300: 200 low is 2/3 or more, 199 is not', () => {
    expect(crossed(qd96, session(), ballots(300, 200))).toEqual(['low-two-thirds']);
    expect(crossed(qd96, session(), ballots(300, 199))).toEqual(['low-over-half']);
  });
  it('base 301: 201 low is 2/3 or more (3·201 = 603 ≥ 602), 200 is not', () => {
    expect(crossed(qd96, session(), ballots(301, 201))).toEqual(['low-two-thirds']);
    expect(crossed(qd96, session(), ballots(301, 200))).toEqual(['low-over-half']);
  });
  it('exactly half is not "over half"; one more is', () => {
    expect(crossed(qd96, session(), ballots(300, 150))).toEqual([]);
    expect(crossed(qd96, session(), ballots(300, 151))).toEqual(['low-over-half']);
    expect(crossed(qd96, session(), ballots(301, 150))).toEqual([]);
    expect(crossed(qd96, session(), ballots(301, 151))).toEqual(['low-over-half']);
  });
  it('invalid marks stay in the base', () => {
    // 200 low of 300 collected, 50 of them unmarked for p1: still 2/3 of collected.
    const b = ballots(300, 200, null);
    const r = tally(session(), b, qd96).persons[0]!;
    expect(r).toMatchObject({ collected: 300, valid: 200, invalid: 100, base: 300 });
    expect(r.thresholds.map((t) => t.id)).toEqual(['low-two-thirds']);
    expect(r.percents.low).toBe(66.67);
    expect(r.invalidPercent).toBe(33.33);
  });
  it('a base of 0 gives no percentages and crosses nothing', () => {
    const r = tally(session(), [], qd96);
    expect(r.persons[0]).toMatchObject({ collected: 0, valid: 0, invalid: 0, base: 0, percents: { high: null, medium: null, low: null } });
    expect(r.persons[0]!.thresholds).toEqual([]);
    expect(r.base.label.vi).toBe('tổng số phiếu thu về');
  });
  it('the army preset has the same boundaries under its own name', () => {
    expect(army.name.vi).toBe('Quy định 1992-QĐ/QUTW');
    expect(crossed(army, session(), ballots(300, 200))).toEqual(['low-two-thirds']);
    expect(crossed(army, session(), ballots(300, 150))).toEqual([]);
  });
});

describe('Nghị quyết 96/2023/QH15', () => {
  it('lấy phiếu: base "tổng số phiếu" by default, or delegates summoned', () => {
    expect(nq96Lay.base).toBe('ballots');
    const s = session({ base: 'ballots' });
    expect(crossed(nq96Lay, s, ballots(300, 200))).toEqual(['low-two-thirds']);
    // On delegates summoned (480), 200 low is under half.
    const bySummoned = tally(session({ base: 'summoned', summoned: 480 }), ballots(300, 200), nq96Lay);
    expect(bySummoned.base.label.vi).toBe('tổng số đại biểu được triệu tập');
    expect(bySummoned.persons[0]!.base).toBe(480);
    expect(bySummoned.persons[0]!.thresholds).toEqual([]);
    expect(crossed(nq96Lay, session({ base: 'summoned', summoned: 480 }), ballots(480, 320))).toEqual(['low-two-thirds']);
  });
  it('bỏ phiếu: more than half of all delegates summoned "không tín nhiệm"', () => {
    expect(nq96Bo.levels.map((l) => l.label.vi)).toEqual(['Tín nhiệm', 'Không tín nhiệm']);
    const s = session({ base: 'summoned', summoned: 480 });
    expect(crossed(nq96Bo, s, ballots(480, 240, 'trust', 'no-trust'))).toEqual([]);
    expect(crossed(nq96Bo, s, ballots(480, 241, 'trust', 'no-trust'))).toEqual(['no-trust-over-half']);
    // Absent delegates count against nobody: 241 of 300 collected is still measured on 480.
    expect(crossed(nq96Bo, s, ballots(300, 241, 'trust', 'no-trust'))).toEqual(['no-trust-over-half']);
    expect(crossed(nq96Bo, s, ballots(300, 240, 'trust', 'no-trust'))).toEqual([]);
  });
});

describe('quorum: 3·present ≥ 2·summoned', () => {
  it('is exact at the boundary', () => {
    expect(quorumMet(qd96, 200, 300)).toBe(true);
    expect(quorumMet(qd96, 199, 300)).toBe(false);
    expect(quorumMet(qd96, 201, 301)).toBe(true);
    expect(quorumMet(qd96, 200, 301)).toBe(false);
    expect(quorumMet(qd96, 0, 0)).toBe(true);
  });
});

describe('tally invariants (property-based)', () => {
  const levelOrNull = fc.constantFrom('high', 'medium', 'low', null, 'bogus');
  it('counts + invalid = collected; thresholds agree with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p1: levelOrNull, p2: levelOrNull }), { maxLength: 400 }),
        fc.array(fc.boolean(), { maxLength: 400 }),
        (marks, paper) => {
          const b: TallyBallot[] = marks.map((m, i) => ({ source: paper[i] ? 'paper' : 'phone', marks: m }));
          const s = session({ persons: [{ id: 'p1', fullName: 'A', position: '' }, { id: 'p2', fullName: 'B', position: '' }] });
          const r = tally(s, b, qd96);
          expect(r.collected.total).toBe(b.length);
          expect(r.collected.phone + r.collected.paper).toBe(b.length);
          for (const p of r.persons) {
            const sum = Object.values(p.counts).reduce((a, c) => a + c, 0);
            expect(sum + p.invalid).toBe(b.length);
            expect(p.valid).toBe(sum);
            const low = p.counts.low!;
            const ids = p.thresholds.map((t) => t.id);
            // Reference: compare as exact rationals via BigInt cross-multiplication.
            const B = BigInt(b.length), L = BigInt(low);
            expect(ids.includes('low-two-thirds')).toBe(B > 0n && 3n * L >= 2n * B);
            expect(ids.includes('low-over-half')).toBe(B > 0n && 2n * L > B && 3n * L < 2n * B);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
