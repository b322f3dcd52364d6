/**
 * "Void the slips not handed out": the server cannot tell a slip on the table from one in a
 * delegate's hand, so the operator shows the slips left over to the laptop camera one after
 * another (slip-scanner.tsx), or types their codes (one per line). Voiding every unused slip
 * is offered too, but only for slips none of which went out.
 */
import { useState } from 'preact/hooks';
import { errorMessage, type ErrorCode } from '../../shared/errors';
import type { AdminTextKey } from '../../shared/i18n/admin';
import { call, errorCode } from './api';
import { primeBeep } from './beep';
import { ask } from './confirm';
import { cameraAvailable } from './qr-camera';
import { SlipScanner } from './slip-scanner';
import { lang, t } from './state';
import { ErrorNote, useAction } from './ui';

export function splitCodes(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export function LeftoverVoid({ sessionId, unused, draft, onDone }: { sessionId: string; unused: number; draft: boolean; onDone: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<{ ok: number; failed: { code: string; error: ErrorCode }[] } | null>(null);
  const action = useAction();
  const [scanning, setScanning] = useState(false);
  // Known before anything is pressed: over the LAN the browser gives no camera at all.
  const [camera, setCamera] = useState<AdminTextKey | null>(() => (cameraAvailable() ? null : 'slipCameraUnavailable'));
  const codes = splitCodes(text);
  const startScan = async () => {
    primeBeep();
    if (!(await ask({ message: t('confirmLeftoverScan'), danger: true }))) return;
    primeBeep();
    setCamera(null);
    setScanning(true);
  };
  const voidListed = async () => {
    if (!(await ask({ message: t('confirmVoidLeftover', { n: codes.length }), danger: true }))) return;
    const failed: { code: string; error: ErrorCode }[] = [];
    let ok = 0;
    for (const code of codes) {
      try {
        await call('POST /api/admin/sessions/:id/slips/void', { params: { id: sessionId }, body: { code } });
        ok++;
      } catch (err) {
        failed.push({ code, error: errorCode(err) });
      }
    }
    setReport({ ok, failed });
    setText(failed.map((f) => f.code).join('\n'));
    await onDone();
  };
  return (
    <div class="panel leftover">
      <h3>{t('voidUnusedTitle')}</h3>
      <p class="hint">{t('voidUnusedHint')}</p>
      <div class="row">
        <button type="button" class={scanning ? '' : 'primary'} disabled={camera === 'slipCameraUnavailable'} aria-pressed={scanning} onClick={() => (scanning ? setScanning(false) : void startScan())}>
          {scanning ? t('leftoverScanStop') : t('leftoverScan')}
        </button>
      </div>
      {camera && (
        <p class="warn" role="status" data-testid="slip-camera-problem">
          {t(camera)}
        </p>
      )}
      {scanning && (
        <SlipScanner
          sessionId={sessionId}
          onVoided={() => void onDone()}
          onProblem={(key) => {
            setCamera(key);
            setScanning(false);
          }}
        />
      )}
      {!camera && <p class="hint">{t('leftoverTypeHint')}</p>}
      <label>
        {t('leftoverCodes')}
        <textarea rows={4} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="button" class="danger" disabled={codes.length === 0} onClick={voidListed}>
        {t('voidLeftover', { n: codes.length })}
      </button>
      {report && (
        <div class="notice" role="status">
          {report.failed.length === 0 ? t('leftoverDone', { ok: report.ok }) : t('leftoverReport', { ok: report.ok, failed: report.failed.length })}
          <ul>
            {report.failed.map((f) => (
              <li key={f.code}>
                <code>{f.code}</code>: {errorMessage(f.error, lang.value)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft && (
        <>
          <p class="hint">{t('voidAllHint')}</p>
          <button
            type="button"
            class="danger"
            disabled={unused === 0 || action.busy}
            onClick={() =>
              action.run({ message: t('confirmVoidUnused', { n: unused }), danger: true }, () => call('POST /api/admin/sessions/:id/slips/void-unused', { params: { id: sessionId } }), () => {
                void onDone();
              })
            }
          >
            {t('voidUnused', { n: unused })}
          </button>
        </>
      )}
      <ErrorNote code={action.error} />
    </div>
  );
}
