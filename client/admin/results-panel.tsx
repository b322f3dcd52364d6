/**
 * The console's results section, self-contained so the console can mount it anywhere:
 * the tally of a closed session, the confirmed publishing step, live results (with the
 * explicit override for Party and army presets), the display link, the minutes and exports.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage, type ErrorCode, type Lang } from '../../shared/errors';
import { formatCount, formatPercent } from '../../shared/format';
import { formatText } from '../../shared/i18n/admin';
import { RESULTS_PANEL_STRINGS, type ResultsTextKey } from '../../shared/i18n/results';
import type { Level } from '../../shared/presets';
import type { TallyResult } from '../../shared/tally';
import { call, errorCode } from './api';
import { formatMoment, LinkRow, useReveal } from './ui';

interface SessionFacts {
  id: string;
  state: 'draft' | 'open' | 'closed';
  publishedAt: string | null;
  liveResults: boolean;
  /** A sealed box cannot be read before close: no live results. */
  sealed: boolean;
  displayKey: string;
  preset: { sensitive: boolean; levels: Level[] };
}

export function ResultsPanel({ sessionId, lang }: { sessionId: string; lang: Lang }) {
  const [lanOrigin, setLanOrigin] = useState<string | null>(null);
  useEffect(() => {
    call('GET /api/admin/network').then(
      (net) => setLanOrigin(net.urls[0] ?? null),
      () => setLanOrigin(null),
    );
  }, []);
  const t = (key: ResultsTextKey) => RESULTS_PANEL_STRINGS[lang][key];
  const [session, setSession] = useState<SessionFacts | null>(null);
  const [results, setResults] = useState<TallyResult | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [asking, setAsking] = useState(false);
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);
  // Unpublished results stay covered on a laptop that may be mirrored, until the committee asks.
  const [shown, setShown] = useReveal();

  const load = useCallback(async () => {
    try {
      const s: SessionFacts = await call('GET /api/admin/sessions/:id', { params: { id: sessionId } });
      setSession(s);
      setResults(s.state === 'closed' ? await call('GET /api/admin/sessions/:id/results', { params: { id: sessionId } }) : null);
      setError(null);
    } catch (err) {
      setError(errorCode(err));
    }
  }, [sessionId]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
      await load();
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  if (!session) return <section class="results-panel">{error && <p class="error" role="alert">{errorMessage(error, lang)}</p>}</section>;
  const base = `/api/admin/sessions/${sessionId}`;
  // The LAN address, so a projector on another machine can open the link too.
  const displayUrl = `${lanOrigin ?? location.origin}/display/${sessionId}#${session.displayKey}`;
  const levels = session.preset.levels;
  const covered = session.publishedAt === null && !shown;

  return (
    <section class="results-panel" data-testid="results-panel">
      <h2>{t('heading')}</h2>
      {error && (
        <p class="error" role="alert" data-code={error}>
          {errorMessage(error, lang)}
        </p>
      )}

      <div class="display-link-row">
        <h3>{t('displayLink')}</h3>
        <LinkRow url={displayUrl} openLabel={t('openDisplay')} testId="results-display-link" secret />
      </div>

      {session.state !== 'closed' && session.sealed && (
        <fieldset class="live-results" data-testid="live-sealed">
          <legend>{t('live')}</legend>
          <p class="hint">
            {formatText('liveSealed', lang)} {session.state === 'draft' && formatText('liveSealedDraft', lang)}
          </p>
        </fieldset>
      )}

      {session.state !== 'closed' && !session.sealed && (
        <fieldset class="live-results" data-testid="live-results">
          <legend class="sr-only">{t('live')}</legend>
          <p class="hint">{session.preset.sensitive ? t('liveSensitive') : t('liveHint')}</p>
          {session.preset.sensitive && !session.liveResults && (
            <label class="inline">
              <input type="checkbox" checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
              {t('liveOverride')}
            </label>
          )}
          {/* A switch with its name beside it; it acts at once (and is logged), so it says its state in words too. */}
          <label class="switch-row">
            <input
              type="checkbox"
              role="switch"
              class="switch"
              checked={session.liveResults}
              disabled={busy || (!session.liveResults && session.preset.sensitive && !override)}
              onChange={() => void run(() => call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: !session.liveResults, override } }))}
            />
            <span class="switch-label">{t('live')}</span>
            <strong class={session.liveResults ? 'switch-state on' : 'switch-state'}>{session.liveResults ? t('liveIsOn') : t('liveIsOff')}</strong>
          </label>
        </fieldset>
      )}

      {session.state !== 'closed' && <p class="hint">{t('notClosed')}</p>}

      {results && (
        <>
          <p>
            {t('issued')}: <strong>{formatCount(results.issued.total, lang)}</strong> ({t('phonePaper')}: {results.issued.phone} / {results.issued.paper}) ·{' '}
            {t('collected')}: <strong>{formatCount(results.collected.total, lang)}</strong> ({t('phonePaper')}: {results.collected.phone} /{' '}
            {results.collected.paper})
          </p>
          <p class="base-note">
            <strong>
              {lang === 'vi' ? 'Tỉ lệ phần trăm tính trên ' : 'Percentages of '}
              {results.base.label[lang]}
              {/* Each person's valid ballots is no single number; every other base is. */}
              {results.base.id !== 'valid' && results.persons[0] && (lang === 'vi' ? ` (${formatCount(results.persons[0].base, lang)} phiếu)` : ` (${formatCount(results.persons[0].base, lang)})`)}
            </strong>
          </p>
          {covered ? (
            <div class="covered" data-testid="results-covered">
              <p>{t('resultsHidden')}</p>
              <button type="button" onClick={() => setShown(true)}>
                {t('resultsShow')}
              </button>
            </div>
          ) : (
            <>
              {!session.publishedAt && (
                <div class="row">
                  <button type="button" aria-pressed="true" onClick={() => setShown(false)}>
                    {t('resultsHide')}
                  </button>
                </div>
              )}
              <table class="results-table">
                <thead>
                  <tr>
                    <th>{t('order')}</th>
                    <th>{t('person')}</th>
                    <th>{t('valid')}</th>
                    <th>{t('invalid')}</th>
                    {levels.map((l) => (
                      <th key={l.id}>{l.label[lang]}</th>
                    ))}
                    <th>{t('thresholds')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.persons.map((p) => (
                    <tr key={p.personId} class={p.thresholds.length > 0 ? 'crossed' : undefined}>
                      <td>{p.order}</td>
                      <td>
                        {p.fullName}
                        <br />
                        <small>{p.position}</small>
                      </td>
                      <td>{p.valid}</td>
                      <td>{p.invalid}</td>
                      {levels.map((l) => (
                        <td key={l.id} class="level">
                          {p.counts[l.id] ?? 0} ({formatPercent(p.percents[l.id] ?? null, lang)})
                        </td>
                      ))}
                      <td>{p.thresholds.map((th) => th.label[lang]).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}

          <div class="publish-step">
            {session.publishedAt ? (
              <p class="notice" role="status">
                {t('published')} {formatMoment(session.publishedAt)}
              </p>
            ) : asking ? (
              <div class="confirm" role="alertdialog" aria-label={t('publish')}>
                <p>{t('publishConfirm')}</p>
                <button type="button" class="primary" disabled={busy} onClick={() => run(() => call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } })).then(() => setAsking(false))}>
                  {t('confirm')}
                </button>{' '}
                <button type="button" onClick={() => setAsking(false)}>
                  {t('cancel')}
                </button>
              </div>
            ) : (
              <>
                <p class="hint">{t('notPublished')}</p>
                <button type="button" class="primary" onClick={() => setAsking(true)}>
                  {t('publish')}
                </button>
              </>
            )}
          </div>

          <h3>{t('exports')}</h3>
          <ul class="exports">
            <li>
              <a href={`${base}/minutes`} target="_blank" rel="noreferrer">
                {t('minutesPrint')}
              </a>
            </li>
            <li>
              <a href={`${base}/minutes.pdf`} download>
                {t('minutesPdf')}
              </a>
            </li>
            <li>
              <a href={`${base}/minutes.docx`} download data-testid="minutes-docx">
                {t('minutesDocx')}
              </a>
            </li>
            <li>
              <a href={`${base}/results.csv`} download>
                {t('csv')}
              </a>
            </li>
            <li>
              <a href={`${base}/results.json`} download>
                {t('json')}
              </a>
            </li>
            <li>
              <a href={`${base}/ballots.json`} download>
                {t('ballots')}
              </a>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
