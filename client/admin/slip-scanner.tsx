/**
 * Voiding the leftover slips with the laptop camera, one after another: each slip's QR that
 * is read is voided at once, with a beep and a running count, or refused with the server's
 * message (already used, unknown, already void) and a lower beep. A slip stays in view for
 * many frames: each is sent once per scanning run. Only slip ids appear on screen, never a
 * code: the laptop may be mirrored on the projector.
 */
import { useRef, useState } from 'preact/hooks';
import { errorMessage, type ErrorCode } from '../../shared/errors';
import type { AdminTextKey } from '../../shared/i18n/admin';
import { formatSlipCode, slipFromScan } from '../../shared/slip-code';
import { call, errorCode } from './api';
import { beep } from './beep';
import { QrCamera, type CameraProblem } from './qr-camera';
import { lang, t } from './state';

const PROBLEM_TEXT: Record<CameraProblem, AdminTextKey> = {
  denied: 'slipCameraDenied',
  none: 'slipCameraNone',
  unavailable: 'slipCameraUnavailable',
  failed: 'slipCameraFailed',
};

/** Refusals that are the slip's own answer: scanning it again would say the same. */
const FINAL: ErrorCode[] = ['slip-used', 'slip-void', 'slip-unknown', 'session-already-closed'];
/** After another refusal (the network, the server) the same slip may be read again after this. */
const RETRY_MS = 2000;
/** Lines of the most recent outcomes kept on screen. */
const SHOWN = 6;

interface Outcome {
  n: number;
  id: string;
  error: ErrorCode | null;
}

export function SlipScanner({ sessionId, onVoided, onProblem }: { sessionId: string; onVoided: () => void; onProblem: (key: AdminTextKey) => void }) {
  const handled = useRef(new Set<string>());
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [counts, setCounts] = useState({ voided: 0, refused: 0 });
  const [notSlip, setNotSlip] = useState(false);
  const seq = useRef(0);

  const record = (id: string, error: ErrorCode | null) => {
    const n = ++seq.current;
    setOutcomes((list) => [{ n, id, error }, ...list].slice(0, SHOWN));
    setCounts((c) => (error ? { ...c, refused: c.refused + 1 } : { ...c, voided: c.voided + 1 }));
  };

  const onText = (text: string) => {
    const slip = slipFromScan(text);
    setNotSlip(slip === null);
    if (!slip || handled.current.has(slip.id)) return;
    handled.current.add(slip.id);
    // One request at a time, in the order the slips were shown.
    queue.current = queue.current.then(async () => {
      try {
        await call('POST /api/admin/sessions/:id/slips/void', { params: { id: sessionId }, body: { code: formatSlipCode(slip.id, slip.secret) } });
        beep('ok');
        record(slip.id, null);
        onVoided();
      } catch (err) {
        const code = errorCode(err);
        beep('refused');
        record(slip.id, code);
        if (!FINAL.includes(code)) setTimeout(() => handled.current.delete(slip.id), RETRY_MS);
      }
    });
  };

  return (
    <div class="slip-scanner">
      <QrCamera
        testId="slip-scanner"
        label={t('leftoverScan')}
        onText={onText}
        onProblem={(problem) => onProblem(PROBLEM_TEXT[problem])}
        status={(live) => (notSlip ? t('leftoverScanNotSlip') : live ? t('leftoverScanHint') : t('loading'))}
      />
      <div class="scan-results">
        <p class="scan-count" role="status" data-testid="scan-count" data-voided={counts.voided} data-refused={counts.refused}>
          <strong>{t('leftoverScanCount', { n: counts.voided })}</strong>
          {counts.refused > 0 && <span class="refused"> · {t('leftoverScanRefusedCount', { n: counts.refused })}</span>}
        </p>
        {/* Newest first; the newest stands out, a refusal most of all, and a screen reader hears each one. */}
        <ul class="scan-log" role="log" data-testid="scan-log">
          {outcomes.map((o, i) => (
            <li key={o.n} class={`${o.error ? 'refused' : 'voided'}${i === 0 ? ' latest' : ''}`} data-code={o.error ?? undefined}>
              <span class="mark" aria-hidden="true">
                {o.error ? '✗' : '✓'}
              </span>
              {o.error ? `${t('leftoverScanRefused', { id: o.id })} ${errorMessage(o.error, lang.value)}` : t('leftoverScanVoided', { id: o.id })}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
