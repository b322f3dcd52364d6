/**
 * What leaves the laptop after a vote: results as JSON and CSV, and the anonymised
 * ballots for an independent recount. Built only for closed sessions (the routes check).
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatPercent } from '../../shared/format';
import type { Preset } from '../../shared/presets';
import { BALLOTS_FORMAT, RESULTS_FORMAT, type BallotsFile, type ResultsFile, type ResultsHeader } from '../../shared/results-file';
import type { Database } from '../db/schema';
import { loadBallots } from './ballots';
import { computeResults } from './lifecycle';
import { getSession, listPersons, type SessionRecord } from './sessions';
import { TERMS } from '../../shared/i18n/terms';

export function resultsHeader(session: SessionRecord): ResultsHeader {
  return {
    id: session.id,
    title: session.title,
    organisation: session.organisation,
    place: session.place,
    locality: session.locality,
    heldOn: session.heldOn,
    presetId: session.presetId,
    presetName: session.preset.name,
    kind: session.preset.kind,
    state: session.state,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    publishedAt: session.publishedAt,
  };
}

export async function buildResultsFile(db: Kysely<Database>, sessionId: string): Promise<ResultsFile> {
  const session = await getSession(db, sessionId);
  return { format: RESULTS_FORMAT, session: resultsHeader(session), results: await computeResults(db, sessionId) };
}

/** Fisher–Yates with the system's cryptographic randomness. */
export function cryptoShuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Every collected ballot, shuffled, without ids or sources, with what a recount needs. */
export async function buildBallotsFile(db: Kysely<Database>, sessionId: string): Promise<BallotsFile> {
  const session = await getSession(db, sessionId);
  const persons = await listPersons(db, sessionId);
  const results = await computeResults(db, sessionId);
  const ballots = await loadBallots(db, sessionId);
  return {
    format: BALLOTS_FORMAT,
    session: resultsHeader(session),
    preset: session.preset,
    base: session.base,
    summoned: session.summoned,
    present: session.present,
    issued: { phone: results.issued.phone, paper: results.issued.paper },
    collected: { phone: results.collected.phone, paper: results.collected.paper },
    persons: persons.map(({ id, order, fullName, position }) => ({ id, order, fullName, position })),
    ballots: cryptoShuffle(ballots.map((b) => persons.map((p) => b.marks[p.id] ?? null))),
  };
}

/**
 * A cell Excel will show as text and never run: values starting with = + - @ (or a tab or
 * carriage return, which Excel skips before such a sign) get a leading apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const BOM = '\uFEFF';

/** Results as CSV: UTF-8 with a BOM (so Excel reads Vietnamese), one row per person, CRLF. */
export function resultsCsv(file: ResultsFile, preset: Preset): string {
  const { results } = file;
  const base = results.base.label.vi;
  const header = [
    'STT',
    TERMS.vi.fullName,
    TERMS.vi.position,
    TERMS.vi.issued,
    TERMS.vi.collected,
    TERMS.vi.valid,
    TERMS.vi.invalid,
    ...preset.levels.flatMap((l) => [`${l.label.vi} (số phiếu)`, `${l.label.vi} (tỉ lệ trên ${base})`]),
    `Cơ sở tính tỉ lệ (${base})`,
    'Ngưỡng đạt tới',
    'Hệ quả',
  ];
  const rows = results.persons.map((p) => [
    p.order,
    p.fullName,
    p.position,
    results.issued.total,
    p.collected,
    p.valid,
    p.invalid,
    ...preset.levels.flatMap((l) => [p.counts[l.id] ?? 0, formatPercent(p.percents[l.id] ?? null)]),
    p.base,
    p.thresholds.map((t) => t.label.vi).join('; '),
    p.thresholds.map((t) => t.consequence.vi).join(' '),
  ]);
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
