/**
 * The files a vote leaves behind — results.json and the anonymised ballots.json — and the
 * independent recount that turns ballots.json back into results.json with nothing but the
 * file and the shared tally. Both the server (which writes them) and `npm run recount`
 * (which reads them) agree on these shapes here.
 */
import type { BaseId, Preset, Text } from './presets';
import type { SessionState } from './protocol';
import { tally, type TallyBallot, type TallyResult } from './tally';

export const RESULTS_FORMAT = 'tinnhiem-results/1';
export const BALLOTS_FORMAT = 'tinnhiem-ballots/1';

/** What a vote was: printed at the top of the minutes and carried by both files. */
export interface ResultsHeader {
  id: string;
  title: string;
  organisation: string;
  place: string;
  /** The locality of the minutes' date line; absent from files written before it existed. */
  locality?: string;
  /** ISO date of the conference. */
  heldOn: string;
  presetId: string;
  presetName: Text;
  kind: Preset['kind'];
  state: SessionState;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
}

/** results.json: the tally with the session it belongs to. */
export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  session: ResultsHeader;
  results: TallyResult;
}

/**
 * ballots.json: every collected ballot, shuffled, with no id and no source (a handful of
 * paper ballots must not be told apart from the rest), each as the level id given to each
 * person in printed order, or null for no valid mark. Everything else the tally needs is
 * carried beside them, so a recount needs nothing but this file.
 */
export interface BallotsFile {
  format: typeof BALLOTS_FORMAT;
  session: ResultsHeader;
  preset: Preset;
  base: BaseId;
  summoned: number;
  present: number;
  issued: { phone: number; paper: number };
  collected: { phone: number; paper: number };
  /** People rated, in printed order; `marks[i]` of a ballot is for `persons[i]`. */
  persons: { id: string; order: number; fullName: string; position: string }[];
  ballots: (string | null)[][];
}

/** A recount problem: the file is not a ballots file, or does not add up. */
export class BallotsFileError extends Error {
  override readonly name = 'BallotsFileError';
}

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new BallotsFileError(what);
}

/**
 * Recount a ballots file with the shared tally and return it in the shape of results.json.
 * Checks the file adds up (phone + paper = ballots, one mark per person) before counting.
 */
export function recountBallotsFile(file: BallotsFile): ResultsFile {
  check(file && file.format === BALLOTS_FORMAT, `not a ${BALLOTS_FORMAT} file`);
  check(Array.isArray(file.persons) && Array.isArray(file.ballots), 'persons and ballots must be lists');
  check(file.preset && Array.isArray(file.preset.levels), 'the preset is missing');
  check(
    file.collected.phone + file.collected.paper === file.ballots.length,
    `collected phone + paper (${file.collected.phone} + ${file.collected.paper}) differs from ${file.ballots.length} ballots`,
  );
  const ballots: TallyBallot[] = file.ballots.map((marks, i) => {
    check(Array.isArray(marks) && marks.length === file.persons.length, `ballot ${i + 1} does not have one mark per person`);
    const byPerson: Record<string, string | null> = {};
    file.persons.forEach((person, j) => {
      const mark = marks[j];
      check(mark === null || typeof mark === 'string', `ballot ${i + 1} has a mark that is not a level id or null`);
      byPerson[person.id] = mark ?? null;
    });
    // The file keeps no source per ballot; the split is restored from the totals below.
    return { source: 'phone', marks: byPerson };
  });
  const results = tally(
    {
      summoned: file.summoned,
      present: file.present,
      issued: file.issued,
      base: file.base,
      persons: file.persons.map(({ id, fullName, position }) => ({ id, fullName, position })),
    },
    ballots,
    file.preset,
  );
  results.collected = { phone: file.collected.phone, paper: file.collected.paper, total: file.ballots.length };
  return { format: RESULTS_FORMAT, session: file.session, results };
}
