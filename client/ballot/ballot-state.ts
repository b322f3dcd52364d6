/**
 * What the ballot page shows, as data: the phases of a ballot, the state the screens render,
 * and the pure rules the controller (controller.ts) applies when the server's answers arrive.
 */
import type { Address } from '../../shared/address';
import type { ErrorCode } from '../../shared/errors';
import type { BallotSessionView } from '../../shared/protocol';
import type { SocketStatus } from '../link';

export type Phase = 'opening' | 'waiting' | 'ballot' | 'review' | 'submitting' | 'recorded' | 'used' | 'closed' | 'error';

export interface BallotState {
  phase: Phase;
  /** Set in the `error` phase: what went wrong, for the person to read. */
  error?: ErrorCode;
  session?: BallotSessionView;
  /** Chosen level per person id; a person without an entry is not rated. */
  marks: Record<string, string>;
  link: SocketStatus;
  /**
   * After "recorded": the tracking code (mã kiểm tra) of the sealed ballot. Shown again from
   * storage when the page is reloaded or the slip scanned again on this phone.
   */
  receipt?: string;
  /** How the screens address the delegate: the session's, or the one stored with the slip. */
  address?: Address;
  /** While submitting: the server's last transient refusal (e.g. its disk is full), resent on its own. */
  retrying?: ErrorCode;
}

/** Server errors worth retrying as they are: the next attempt may well succeed. */
export const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['internal', 'rate-limited', 'storage-full']);

/** Keep only stored marks that still name a person and a level of this ballot. */
export function restoreMarks(session: BallotSessionView, stored: Readonly<Record<string, string>>): Record<string, string> {
  const levels = new Set(session.levels.map((l) => l.id));
  const marks: Record<string, string> = {};
  for (const p of session.persons) {
    const level = stored[p.id];
    if (level !== undefined && levels.has(level)) marks[p.id] = level;
  }
  return marks;
}

/** The phase a session's state puts the page in, from the phase it is in now. */
export function phaseFor(state: BallotSessionView['state'], current: Phase): Phase {
  if (state === 'draft') return 'waiting';
  if (state === 'closed') return 'closed';
  // Open: stay in review if the delegate was there when the connection came back.
  return current === 'review' ? 'review' : 'ballot';
}
