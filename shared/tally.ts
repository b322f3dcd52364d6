/**
 * The tally: a pure function of the session, its ballots and its preset.
 * Every threshold is decided by integer comparison (see `boundHolds`);
 * percentages are for display only.
 */
import { BASE_LABELS, boundHolds, quorumMet, type BaseId, type Preset, type Text } from './presets';

/** Where a ballot came from: a phone, or a paper sheet keyed by the tally committee. */
export type BallotSource = 'phone' | 'paper';

/** One collected ballot: for each person, a level id or null (no valid mark). */
export interface TallyBallot {
  source: BallotSource;
  marks: Record<string, string | null>;
}

export interface TallyPerson {
  id: string;
  fullName: string;
  position: string;
}

/** What the tally needs to know about the session besides its ballots. */
export interface TallySession {
  summoned: number;
  present: number;
  /** Ballots handed out (tổng số phiếu phát ra), phone slips and paper apart. */
  issued: { phone: number; paper: number };
  base: BaseId;
  /** People rated, in printed order. */
  persons: TallyPerson[];
}

export interface CrossedThreshold {
  id: string;
  level: string;
  label: Text;
  consequence: Text;
}

export interface PersonResult {
  personId: string;
  /** 1-based printed order. */
  order: number;
  fullName: string;
  position: string;
  /** Ballots collected: valid + invalid marks for this person. */
  collected: number;
  valid: number;
  invalid: number;
  counts: Record<string, number>;
  /** The value of the base for this person (the base is per person only for 'valid'). */
  base: number;
  /** count / base in percent, rounded to 2 decimals for display; null when the base is 0. */
  percents: Record<string, number | null>;
  invalidPercent: number | null;
  thresholds: CrossedThreshold[];
}

export interface TallyResult {
  presetId: string;
  base: { id: BaseId; label: Text };
  summoned: number;
  present: number;
  quorumMet: boolean;
  issued: { phone: number; paper: number; total: number };
  collected: { phone: number; paper: number; total: number };
  persons: PersonResult[];
}

/** Percent rounded to 2 decimals for display; exact comparisons never use it. */
export function displayPercent(count: number, base: number): number | null {
  if (base <= 0) return null;
  return Math.round((count * 10000) / base) / 100;
}

/** Count the ballots of a session under its preset. */
export function tally(session: TallySession, ballots: readonly TallyBallot[], preset: Preset): TallyResult {
  const levelIds = new Set(preset.levels.map((l) => l.id));
  const collected = { phone: 0, paper: 0, total: ballots.length };
  for (const b of ballots) collected[b.source] += 1;

  const persons = session.persons.map((person, index): PersonResult => {
    const counts: Record<string, number> = {};
    for (const level of preset.levels) counts[level.id] = 0;
    let invalid = 0;
    for (const ballot of ballots) {
      const mark = ballot.marks[person.id];
      if (mark != null && levelIds.has(mark)) counts[mark] = (counts[mark] ?? 0) + 1;
      else invalid += 1;
    }
    const valid = ballots.length - invalid;
    const base = baseValue(session.base, { collected: ballots.length, summoned: session.summoned, valid });
    const percents: Record<string, number | null> = {};
    for (const level of preset.levels) percents[level.id] = displayPercent(counts[level.id] ?? 0, base);
    const thresholds: CrossedThreshold[] =
      base <= 0
        ? []
        : preset.thresholds
            .filter((t) => t.bounds.every((bound) => boundHolds(bound, counts[t.level] ?? 0, base)))
            .map(({ id, level, label, consequence }) => ({ id, level, label, consequence }));
    return {
      personId: person.id,
      order: index + 1,
      fullName: person.fullName,
      position: person.position,
      collected: ballots.length,
      valid,
      invalid,
      counts,
      base,
      percents,
      invalidPercent: displayPercent(invalid, base),
      thresholds,
    };
  });

  return {
    presetId: preset.id,
    base: { id: session.base, label: BASE_LABELS[session.base] },
    summoned: session.summoned,
    present: session.present,
    quorumMet: quorumMet(preset, session.present, session.summoned),
    issued: { ...session.issued, total: session.issued.phone + session.issued.paper },
    collected,
    persons,
  };
}

function baseValue(base: BaseId, n: { collected: number; summoned: number; valid: number }): number {
  switch (base) {
    case 'collected':
    case 'ballots':
      // "tổng số phiếu" (NQ 96/2023/QH15) is read as the ballots in the box: the ones collected.
      return n.collected;
    case 'summoned':
      return n.summoned;
    case 'valid':
      return n.valid;
  }
}
