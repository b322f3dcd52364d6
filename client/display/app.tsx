/**
 * The projector page, opened by the display link `/display/<sessionId>#<displayKey>`.
 * The key stays in the fragment (never sent in a URL, so never in a log): it goes to the
 * server only in a header and in the WebSocket subscription.
 */
import { useEffect } from 'preact/hooks';
import type { DisplayInfo } from '../../shared/display-info';
import { errorMessage, isErrorCode, type Lang } from '../../shared/errors';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import { assertNever, type ServerMessage } from '../../shared/protocol';
import { createSocket, type Link } from '../socket';
import { BoxLocked, ReceiptsPanel } from './box-view';
import { ResultsView } from './results-view';
import { visibleResults, type DisplayState } from './state';
import { TurnoutView, VotingClock, stateLabel } from './turnout-view';

/** Session id from the path and key from the fragment; null when the link is malformed. */
export function parseDisplayLink(loc: Pick<Location, 'pathname' | 'hash'>): { sessionId: string; displayKey: string } | null {
  const m = /^\/display\/([A-Za-z0-9_-]{8,40})\/?$/.exec(loc.pathname);
  const key = loc.hash.replace(/^#/, '');
  if (!m || !/^[A-Za-z0-9_-]{1,64}$/.test(key)) return null;
  return { sessionId: m[1]!, displayKey: key };
}

async function fetchInfo(sessionId: string, displayKey: string): Promise<DisplayInfo> {
  const res = await fetch(`/api/display/${sessionId}`, { headers: { 'x-display-key': displayKey }, cache: 'no-store' });
  const body = (await res.json()) as DisplayInfo | { error?: unknown };
  if (!res.ok) throw new Error(isErrorCode((body as { error?: unknown }).error) ? String((body as { error: string }).error) : 'internal');
  return body as DisplayInfo;
}

/**
 * A sealed box closed but not yet opened: the facts of the box (opened, fingerprint) come
 * from the display's info, so a turnout push then (the opening sends one) asks for it again.
 */
export function awaitsBoxInfo(state: DisplayState): boolean {
  const info = state.info.value;
  return info !== null && info.sealed && !info.boxOpened && state.turnout.value?.state === 'closed';
}

export function handleMessage(state: DisplayState, msg: ServerMessage): void {
  switch (msg.type) {
    case 'turnout':
      state.turnout.value = msg.turnout;
      // Live counts are not shown once voting ends: the display waits for publishing.
      if (msg.turnout.state !== 'open' && state.results.value?.live) state.results.value = null;
      return;
    case 'results':
      state.results.value = { live: msg.live, results: msg.results };
      return;
    case 'results-withdrawn':
      // Live results switched off mid-vote: the counts leave the screen now, not at close.
      if (state.results.value?.live) state.results.value = null;
      return;
    // Messages for phones, or answered by the socket itself: nothing to show.
    case 'subscribed':
    case 'pong':
    case 'error':
    case 'state':
    case 'slip':
    case 'recorded':
    case 'storage':
      return;
    default:
      return assertNever(msg);
  }
}

/**
 * A button clicked with the mouse gives focus back to the page: otherwise the next key from a
 * presenter's clicker (Page Down) lights its focus ring in front of the hall. Pressed from
 * the keyboard (detail 0), it keeps focus, as a keyboard user expects.
 */
function letGo(e: MouseEvent): void {
  if (e.detail > 0) (e.currentTarget as HTMLElement).blur();
}

export function DisplayApp({ state }: { state: DisplayState }) {
  useEffect(() => {
    const link = parseDisplayLink(location);
    if (!link) {
      state.error.value = 'bad-display-key';
      return;
    }
    let stopped = false;
    let socket: Link | null = null;
    // A ping now and then notices a dead network the browser has not noticed: unanswered, its timeout reconnects.
    const keepAlive = setInterval(() => socket?.pushing && socket.request({ type: 'ping' }).catch(() => {}), 10_000);
    const tick = setInterval(() => (state.now.value = Date.now()), 1000);
    // The box's facts again, once, when a push says they may have changed.
    let refreshing = false;
    const refresh = async () => {
      if (refreshing) return;
      refreshing = true;
      try {
        const info = await fetchInfo(link.sessionId, link.displayKey);
        if (!stopped) state.info.value = info;
      } catch {
        // The next push (or reconnect) asks again.
      } finally {
        refreshing = false;
      }
    };
    // Retry the first fetch until the server answers: the projector may start before the Wi-Fi.
    const load = async (delay: number): Promise<void> => {
      try {
        const info = await fetchInfo(link.sessionId, link.displayKey);
        if (stopped) return;
        state.info.value = info;
        state.turnout.value = info.turnout;
        state.clockOffsetMs.value = Date.parse(info.now) - Date.now();
        const opened = createSocket({
          origin: location.origin,
          status: state.status,
          // Each (re)connect subscribes again; the server answers with the current turnout and, when allowed, the results.
          onOpen: () =>
            void opened.request({ type: 'subscribe', sessionId: link.sessionId, displayKey: link.displayKey }).then(
              (reply) => {
                // A wrong key will not become right by retrying.
                if (reply.type === 'error' && reply.code === 'bad-display-key') {
                  opened.close();
                  state.error.value = 'bad-display-key';
                }
              },
              () => {},
            ),
          onPush: (msg) => {
            handleMessage(state, msg);
            if (msg.type === 'turnout' && awaitsBoxInfo(state)) void refresh();
          },
          onEnd: (end) => {
            if (end === 'outdated') state.error.value = 'protocol-outdated';
          },
        });
        socket = opened;
        opened.start();
      } catch (err) {
        const code = (err as Error).message;
        if (code === 'bad-display-key') {
          state.error.value = 'bad-display-key';
          return;
        }
        state.status.value = 'offline';
        if (!stopped) setTimeout(() => void load(Math.min(delay * 2, 8000)), delay);
      }
    };
    void load(500);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'l' || e.key === 'L') state.lang.value = state.lang.value === 'vi' ? 'en' : 'vi';
      // Only over results: before them the QR is on screen anyway.
      if ((e.key === 'q' || e.key === 'Q') && state.info.value?.boxOpened && visibleResults(state)) state.receiptsShown.value = !state.receiptsShown.value;
    };
    window.addEventListener('keydown', onKey);
    return () => {
      stopped = true;
      clearInterval(tick);
      clearInterval(keepAlive);
      socket?.close();
      window.removeEventListener('keydown', onKey);
    };
  }, [state]);

  const lang: Lang = state.lang.value;
  const s = DISPLAY_STRINGS[lang];
  document.documentElement.lang = lang;

  if (state.error.value) {
    return (
      <main class="display display-error">
        <div role="alert">
          <h1 class="message">{errorMessage(state.error.value, lang)}</h1>
        </div>
      </main>
    );
  }
  const info = state.info.value;
  const turnout = state.turnout.value;
  if (!info || !turnout) {
    return (
      <main class="display display-loading">
        <h1 class="message">{state.status.value === 'offline' ? s.reconnecting : s.loading}</h1>
      </main>
    );
  }
  const shown = visibleResults(state);
  const closed = turnout.state === 'closed';
  // After close: a sealed box waits for the committee, then its QR shows until results are published.
  const box = !closed || turnout.published || !info.sealed ? null : info.boxOpened ? <ReceiptsPanel info={info} lang={lang} /> : <BoxLocked lang={lang} />;
  // Once results are on screen, the QR comes over them on request.
  const overlay = shown && info.boxOpened && state.receiptsShown.value;
  return (
    <main class={shown ? 'display with-results' : 'display'} data-state={turnout.state} data-published={String(turnout.published)}>
      <header class="top">
        <div class="titles">
          <p class="organisation">{info.organisation}</p>
          <h1 class="title">{turnout.title}</h1>
        </div>
        <div class="top-right">
          <p class={`state state-${turnout.published ? 'published' : turnout.state}`} data-testid="state">
            {stateLabel(turnout, lang)}
          </p>
          <VotingClock state={state} />
          <div class="corner">
            {shown && info.boxOpened && (
              <button
                class="corner-button"
                type="button"
                aria-pressed={state.receiptsShown.value}
                onClick={(e) => {
                  state.receiptsShown.value = !state.receiptsShown.value;
                  letGo(e);
                }}
              >
                {state.receiptsShown.value ? s.receiptsHide : s.receiptsButton}
              </button>
            )}
            <button
              class="corner-button"
              type="button"
              lang={lang === 'vi' ? 'en' : 'vi'}
              onClick={(e) => {
                state.lang.value = lang === 'vi' ? 'en' : 'vi';
                letGo(e);
              }}
            >
              {s.otherLanguage}
            </button>
          </div>
        </div>
      </header>
      {shown ? <ResultsView results={shown.results} live={shown.live} levels={info.levels} lang={lang} /> : <TurnoutView state={state} aside={box} />}
      {overlay && (
        <div class="receipts-overlay" data-testid="receipts-overlay">
          <ReceiptsPanel info={info} lang={lang} />
        </div>
      )}
      {state.status.value !== 'open' && (
        <p class="link-status" role="status" data-testid="link-status">
          {state.status.value === 'connecting' ? s.connecting : s.reconnecting}
        </p>
      )}
    </main>
  );
}
