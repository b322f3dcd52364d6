/**
 * Before and during voting: the state, the voting clock, and turnout as one big bar of three
 * shades (present, handed out, collected) whose legend is the three figures under it, each
 * with its shade, its name and its number. After close, beside it, what the sealed phone box
 * is waiting for (`aside`).
 */
import type { ComponentChildren } from 'preact';
import { formatCount, formatDuration } from '../../shared/format';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import type { Turnout } from '../../shared/protocol';
import { TURNOUT_COLORS } from './colors';
import { Swatch } from './swatch';
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

/** One shade of the turnout bar with its label and number: the bar's legend is the figures. */
function Figure({ id, value, label, main }: { id: keyof typeof TURNOUT_COLORS; value: string; label: string; main?: boolean }) {
  return (
    <div class={main ? 'figure figure-main' : 'figure'} data-key={id}>
      <span class="figure-value" data-testid={id}>
        {value}
      </span>
      <span class="figure-label">
        <Swatch color={TURNOUT_COLORS[id]} />
        <span>{label}</span>
      </span>
    </div>
  );
}

export function TurnoutView({ state, aside }: { state: DisplayState; aside?: ComponentChildren }) {
  const turnout = state.turnout.value;
  const lang = state.lang.value;
  const s = DISPLAY_STRINGS[lang];
  if (!turnout) return null;
  const n = (v: number) => formatCount(v, lang);
  // Three bars one inside the other, on the largest of the three (normally those present).
  const scale = Math.max(turnout.issued, turnout.present, turnout.collected, 1);
  const width = (v: number) => (Math.min(v, scale) / scale) * 1000;
  const waiting = waitingLine(state);
  const described = [`${s.collected}: ${n(turnout.collected)}`, `${s.issued}: ${n(turnout.issued)}`, `${s.present}: ${n(turnout.present)}`].join('; ');
  const figures = (
    <section class="turnout" aria-live="polite">
      <svg class="turnout-bar" viewBox="0 0 1000 60" preserveAspectRatio="none" role="img" aria-label={described}>
        <rect x="0" y="0" width="1000" height="60" class="bar-track" />
        <rect x="0" y="0" width={width(turnout.present)} height="60" fill={TURNOUT_COLORS.present} data-key="present" />
        <rect x="0" y="0" width={width(turnout.issued)} height="60" fill={TURNOUT_COLORS.issued} data-key="issued" />
        <rect x="0" y="0" width={width(turnout.collected)} height="60" fill={TURNOUT_COLORS.collected} data-key="collected" />
      </svg>
      <div class="turnout-figures" data-testid="turnout-legend">
        <Figure id="collected" value={n(turnout.collected)} label={s.collected} main />
        <Figure id="issued" value={n(turnout.issued)} label={s.issued} />
        <Figure id="present" value={n(turnout.present)} label={s.present} />
      </div>
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
