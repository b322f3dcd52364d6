/** The display's state as signals: what the server said, and the page's own clock and language. */
import { signal } from '@preact/signals';
import type { DisplayInfo } from '../../shared/display-info';
import type { Lang } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';
import type { Turnout } from '../../shared/protocol';
import type { TallyResult } from '../../shared/tally';
import type { SocketStatus } from '../socket';

export interface ShownResults {
  live: boolean;
  results: TallyResult;
}

export function createDisplayState(lang: Lang) {
  return {
    info: signal<DisplayInfo | null>(null),
    turnout: signal<Turnout | null>(null),
    results: signal<ShownResults | null>(null),
    /** The socket's, written by it (client/socket.ts). */
    status: signal<SocketStatus>('connecting'),
    error: signal<ErrorCode | null>(null),
    lang: signal<Lang>(lang),
    /** The QR of the tracking codes brought over the results (button or key Q). */
    receiptsShown: signal(false),
    /** Server time minus this laptop's time, so the voting clock is right on any laptop. */
    clockOffsetMs: signal(0),
    /** Ticks every second. */
    now: signal(Date.now()),
  };
}

export type DisplayState = ReturnType<typeof createDisplayState>;

/** The results a display may show now: published ones always, live ones only while voting is open. */
export function visibleResults(state: DisplayState): ShownResults | null {
  const shown = state.results.value;
  const turnout = state.turnout.value;
  if (!shown) return null;
  if (!shown.live) return shown;
  return turnout?.state === 'open' ? shown : null;
}
