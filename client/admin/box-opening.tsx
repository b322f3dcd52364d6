/**
 * Opening the sealed phone box after close (mở hòm phiếu): members present their shares,
 * scanned with the laptop camera or typed, until k of them open it; then what the box held
 * and the public list of tracking codes. A share typed here is sent once and forgotten.
 */
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../../shared/errors';
import type { AdminTextKey } from '../../shared/i18n/admin';
import { call, errorCode } from './api';
import { ask } from './confirm';
import { ShareScanner } from './share-scanner';
import { t } from './state';
import type { Network, SessionDetail } from './types';
import { ErrorNote, formatMoment, LinkRow, Notice, useLoad } from './ui';

export function BoxOpening({ session, reload }: { session: SessionDetail; reload: () => Promise<void> }) {
  const [code, setCode] = useState('');
  const [presented, setPresented] = useState<number[]>(session.boxPresented);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const [camera, setCamera] = useState<AdminTextKey | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/admin/sessions/${session.id}/box/shares`;
  const k = session.box.threshold ?? 0;
  const more = Math.max(0, k - presented.length);

  const present = async (typed: string) => {
    if (typed.trim() === '') return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: typed } });
      setCode('');
      setPresented(answer.presented);
      setNotice(t('shareAccepted', { name: answer.holder.fullName }));
      if (answer.opened) await reload();
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    if (!(await ask({ message: t('confirmShareForget', { n: presented.length }), danger: true }))) return;
    try {
      await call('DELETE /api/admin/sessions/:id/box/shares', { params: { id: session.id } });
      setPresented([]);
      setNotice(null);
      setError(null);
    } catch (err) {
      setError(errorCode(err));
    }
  };

  const paste = async () => {
    try {
      setCode(await navigator.clipboard.readText());
    } catch {
      // No clipboard permission: Ctrl+V in the field still works.
    }
  };

  return (
    <section class="panel box-opening" data-testid="box-opening" aria-labelledby="box-opening-title">
      <h2 id="box-opening-title">{t('openBoxTitle')}</h2>
      <p class="hint">{t('openBoxHint')}</p>
      <p class="warn">{t('openBoxStopProjecting')}</p>
      <p class="box-count" data-testid="box-count">
        {t('openBoxCount', { have: presented.length, k, more })}
      </p>
      <ol class="holders-status" data-testid="box-holders">
        {session.boxHolders.map((h) => {
          const done = presented.includes(h.order);
          return (
            <li key={h.order} class={done ? 'done' : ''} data-presented={done}>
              <span class="mark" aria-hidden="true">
                {done ? '✓' : '○'}
              </span>{' '}
              {h.fullName} — {h.role}: <strong>{done ? t('openBoxPresented') : t('openBoxNotYet')}</strong>
            </li>
          );
        })}
      </ol>
      <form
        class="share-form"
        onSubmit={(e) => {
          e.preventDefault();
          void present(code);
        }}
      >
        <label>
          {t('shareCode')}
          <input
            name="share"
            class="share-input"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={200}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="button" onClick={paste}>
            {t('sharePaste')}
          </button>
          <button type="submit" class="primary" disabled={busy || code.trim() === ''}>
            {t('sharePresent')}
          </button>
          <button
            type="button"
            onClick={() => {
              setCamera(null);
              setScanning(!scanning);
            }}
          >
            {scanning ? t('shareScanStop') : t('shareScan')}
          </button>
        </div>
      </form>
      {scanning && (
        <ShareScanner
          onCode={(scanned) => {
            setScanning(false);
            void present(scanned);
          }}
          onProblem={(key) => {
            setScanning(false);
            setCamera(key);
          }}
        />
      )}
      {camera && (
        <p class="warn" role="alert" data-testid="camera-problem">
          {t(camera)}
        </p>
      )}
      <ErrorNote code={error} />
      <Notice text={notice} />
      {presented.length > 0 && (
        <button type="button" class="link" onClick={forget}>
          {t('shareForget')}
        </button>
      )}
      <p class="hint small">{t('openBoxRestartNote')}</p>
    </section>
  );
}

/** What the opened box held, and where delegates check their tracking codes. */
export function BoxOpened({ session }: { session: SessionDetail }) {
  const receipts = useLoad('GET /api/receipts/:sessionId', { params: { sessionId: session.id } });
  const net = useLoad('GET /api/admin/network');
  // The LAN address: delegates open it from their phones.
  const url = `${net.data?.urls[0] ?? location.origin}/r/${session.id}`;
  return (
    <section class="panel box-opened" data-testid="box-opened">
      <h2>{t('boxOpened', { at: formatMoment(session.box.openedAt!) })}</h2>
      <dl class="box-facts">
        <dt>{t('boxPhoneBallots')}</dt>
        <dd data-testid="box-phone-ballots">{receipts.data?.phoneBallots ?? '…'}</dd>
        <dt>{t('boxSpoilt')}</dt>
        <dd data-testid="box-spoilt">{session.box.spoilt ?? 0}</dd>
        <dt>{t('boxFingerprint')}</dt>
        <dd>
          <code data-testid="box-fingerprint">{session.box.fingerprint}</code>
        </dd>
      </dl>
      <h3>{t('boxReceiptsLink')}</h3>
      <LinkRow url={url} openLabel={t('boxOpenList')} testId="receipts-link" />
      <p class="hint">{t('boxReceiptsHint')}</p>
      <ErrorNote code={receipts.error} />
    </section>
  );
}
