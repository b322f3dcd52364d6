/**
 * Before and during voting: the state, the voting clock, and turnout as one big bar. After
 * close, beside it, what the sealed phone box is waiting for (`aside`).
 */
import type { ComponentChildren } from 'preact';
import { formatCount, formatDuration } from '../../shared/format';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import type { Turnout } from '../../shared/protocol';
import type { DisplayState } from './state';

export function stateLabel(turnout: Turnout, lang: 'vi' | 'en'): string {
  const s = DISPLAY_STRINGS[lang];
  if (turnout.published) return s.statePublished;
  return turnout.state === 'draft' ? s.stateDraft : turnout.state === 'open' ? s.stateOpen : s.stateClosed;
}

/** Time voting has been open (or was, once closed), by the server's clock. */
export function votingElapsed(turnout: Turnout, nowMs: number): number | null {
  if (!turnout.openedAt) return null;
  const end = turnout.closedAt ? Date.parse(turnout.closedAt) : nowMs;
  return end - Date.parse(turnout.openedAt);
}

export function VotingClock({ state }: { state: DisplayState }) {
  const turnout = state.turnout.value;
  if (!turnout) return null;
  const elapsed = votingElapsed(turnout, state.now.value + state.clockOffsetMs.value);
  if (elapsed === null) return null;
  return (
    <div class="clock" data-testid="clock">
      <span class="clock-label">{DISPLAY_STRINGS[state.lang.value].votingTime}</span>
      <span class="clock-value">{formatDuration(elapsed)}</span>
    </div>
  );
}

/** The line under turnout: what the hall is waiting for. A locked box says so in its own panel. */
function waitingLine(state: DisplayState): string | null {
  const turnout = state.turnout.value!;
  const info = state.info.value;
  const s = DISPLAY_STRINGS[state.lang.value];
  if (turnout.state === 'draft') return s.waitingOpen;
  if (turnout.state !== 'closed' || turnout.published) return null;
  if (info?.sealed) return info.boxOpened ? s.boxOpenedWaiting : null;
  return s.waitingResults;
}

export function TurnoutView({ state, aside }: { state: DisplayState; aside?: ComponentChildren }) {
  const turnout = state.turnout.value;
  const lang = state.lang.value;
  const s = DISPLAY_STRINGS[lang];
  if (!turnout) return null;
  const n = (v: number) => formatCount(v, lang);
  const scale = Math.max(turnout.issued, turnout.present, turnout.collected, 1);
  const waiting = waitingLine(state);
  const figures = (
    <section class="turnout" aria-live="polite">
      <div class="turnout-figures">
        <div class="figure figure-main">
          <span class="figure-value" data-testid="collected">{n(turnout.collected)}</span>
          <span class="figure-label">{s.collected}</span>
        </div>
        <div class="figure">
          <span class="figure-value" data-testid="issued">{n(turnout.issued)}</span>
          <span class="figure-label">{s.issued}</span>
        </div>
        <div class="figure">
          <span class="figure-value" data-testid="present">{n(turnout.present)}</span>
          <span class="figure-label">{s.present}</span>
        </div>
      </div>
      <svg class="turnout-bar" viewBox="0 0 1000 60" preserveAspectRatio="none" role="img" aria-label={s.collectedOfIssued(n(turnout.collected), n(turnout.issued))}>
        <rect x="0" y="0" width="1000" height="60" class="bar-track" />
        <rect x="0" y="0" width={(Math.min(turnout.issued, scale) / scale) * 1000} height="60" class="bar-issued" />
        <rect x="0" y="0" width={(Math.min(turnout.collected, scale) / scale) * 1000} height="60" class="bar-collected" />
      </svg>
      <p class="turnout-ratio">{s.collectedOfIssued(n(turnout.collected), n(turnout.issued))}</p>
      <p class="summoned">
        {s.summoned}: {n(turnout.summoned)}
      </p>
      {waiting && <p class="waiting">{waiting}</p>}
    </section>
  );
  if (!aside) return figures;
  return (
    <div class="turnout-with-box">
      {figures}
      {aside}
    </div>
  );
}
