/**
 * The sealing ceremony (niêm phong): each committee member's share shown full screen, one
 * member at a time, with a cover screen between them so a share is gone before the next
 * appears. The shares live only in the props of this component and its parent's state;
 * they are never written to storage, and are dropped when the ceremony ends.
 */
import { createPortal } from 'preact/compat';
import type { RouteAnswer } from '../../shared/api-contract';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from './confirm';
import { Qr } from '../qr';
import { t } from './state';
import { formatMoment } from './ui';

/** What sealing answers, less the session: each member's share (`XXXXX-XXXXX-…`, 53 symbols) and k. */
export type SealAnswer = Omit<RouteAnswer<'POST /api/admin/sessions/:id/box/seal'>, 'session'>;
type IssuedShare = SealAnswer['shares'][number];

interface Props {
  answer: SealAnswer;
  sessionTitle: string;
  sealedAt: string | null;
  /** Called when the ceremony ends; `missed` members never saw their share (0 when finished). */
  onFinish: (missed: number) => void;
}

export function SealCeremony({ answer, sessionTitle, sealedAt, onFinish }: Props) {
  const { shares, threshold } = answer;
  const n = shares.length;
  const [step, setStep] = useState(0);
  const [showing, setShowing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const running = step < n;

  useEffect(() => button.current?.focus(), [step, showing]);
  // Leaving the page mid-ceremony would lose the shares not yet handed over.
  useEffect(() => {
    if (!running) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [running]);

  const stop = async () => {
    if (await ask({ message: t('confirmCeremonyStop', { m: n - step }), danger: true })) onFinish(n - step);
  };
  const member = shares[step];

  return createPortal(
    <div class="ceremony" role="dialog" aria-modal="true" aria-labelledby="ceremony-title" data-testid="ceremony">
      <div class="ceremony-box">
        <div class="ceremony-head no-print">
          <h2 id="ceremony-title">{t('ceremonyTitle')}</h2>
          {running && (
            <button type="button" class="link" onClick={stop}>
              {t('ceremonyStop')}
            </button>
          )}
        </div>
        {member && (
          <>
            <p class="ceremony-member no-print" data-testid="ceremony-member">
              {t('ceremonyMember', { i: step + 1, n, name: member.fullName, role: member.role })}
            </p>
            {!showing ? (
              <div class="ceremony-cover no-print" data-testid="ceremony-cover">
                <p>{t('ceremonyCall', { name: member.fullName })}</p>
                <button type="button" class="primary big-button" ref={button} onClick={() => setShowing(true)}>
                  {t('ceremonyShow', { name: member.fullName })}
                </button>
              </div>
            ) : (
              <>
                <p class="ceremony-only no-print">{t('ceremonyOnlyThis')}</p>
                <ShareCard share={member} n={n} threshold={threshold} sessionTitle={sessionTitle} sealedAt={sealedAt} />
                <p class="hint no-print">{t('ceremonyKeep')}</p>
                <div class="row no-print">
                  <button type="button" onClick={() => window.print()}>
                    {t('ceremonyPrint')}
                  </button>
                  <button
                    type="button"
                    class="primary big-button"
                    ref={button}
                    onClick={() => {
                      // Hide this share first: the next member's screen starts covered.
                      setShowing(false);
                      setStep(step + 1);
                    }}
                  >
                    {step + 1 < n ? t('ceremonyNext') : t('ceremonyLast')}
                  </button>
                </div>
              </>
            )}
          </>
        )}
        {!running && (
          <div class="ceremony-done" data-testid="ceremony-done">
            <p class="ceremony-done-title">{t('ceremonyDone', { k: threshold, n })}</p>
            <p class="hint">{t('ceremonyDoneHint')}</p>
            <button type="button" class="primary big-button" ref={button} onClick={() => onFinish(0)}>
              {t('close')}
            </button>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}

/** One member's share: on screen, and alone on the page when printed. */
function ShareCard({ share, n, threshold, sessionTitle, sealedAt }: { share: IssuedShare; n: number; threshold: number; sessionTitle: string; sealedAt: string | null }) {
  return (
    <div class="share-card" data-testid="share-card">
      <div class="print-only">
        <p class="card-title">{t('cardTitle')}</p>
        <p>{sessionTitle}</p>
        <p>{t('cardHolder', { name: share.fullName, role: share.role, i: share.order, n })}</p>
      </div>
      <div class="share-body">
        <Qr text={share.code} size={300} label={t('ceremonyQrLabel', { name: share.fullName })} />
        <div>
          <div class="share-code-label">{t('ceremonyCode')}</div>
          <p class="share-code" data-testid="share-code" translate={false}>
            {share.code.split('-').map((group, i) => (
              <span key={i}>
                {i > 0 && (
                  <>
                    <span class="dash">-</span>
                    <wbr />
                  </>
                )}
                <span class="group">{group}</span>
              </span>
            ))}
          </p>
        </div>
      </div>
      <div class="print-only">
        <p>{t('cardNeed', { k: threshold, n, at: sealedAt ? formatMoment(sealedAt) : '' })}</p>
        <p>
          <strong>{t('cardKeep')}</strong>
        </p>
      </div>
    </div>
  );
}
