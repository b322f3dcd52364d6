/** Running the room: open voting, follow turnout live, close voting; the projector link, its key covered. */
import { call } from '../api';
import { QuorumBadge } from '../session-form';
import type { Network, TabProps } from '../types';
import { navigate, t } from '../state';
import { ErrorNote, LinkRow, useAction, useLoad } from '../ui';
import { useLiveTurnout } from '../live-turnout';

export function RunTab({ session, reload }: TabProps) {
  const { turnout, online, storageFull, outdated } = useLiveTurnout(session.id, session.turnout);
  const net = useLoad('GET /api/admin/network');
  const action = useAction();
  const origin = net.data?.urls[0] ?? location.origin;
  const displayUrl = `${origin}/display/${session.id}#${session.displayKey}`;
  const pct = turnout.issued > 0 ? Math.min(100, (turnout.collected * 100) / turnout.issued) : 0;
  const state = turnout.state;
  // A sealed box must be sealed to the committee before the first phone can cast into it.
  const needsSeal = session.sealed && session.box.sealedAt === null;

  const open = () =>
    action.run(
      session.quorumMet ? { message: t('confirmOpen', { title: session.title }) } : { message: t('confirmOpen', { title: session.title }), requireTick: t('overrideQuorum'), danger: true },
      () => call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: session.quorumMet ? {} : { overrideQuorum: true } }),
      () => {
        void reload();
      },
    );
  const close = () =>
    action.run({ message: t('confirmClose'), danger: true }, () => call('POST /api/admin/sessions/:id/close', { params: { id: session.id } }), () => {
      void reload();
    });

  return (
    <>
      <QuorumBadge preset={session.preset} summoned={session.summoned} present={session.present} />
      <div class="counters" data-testid="turnout">
        <div>
          <span class="big" data-testid="collected">
            {turnout.collected}
          </span>
          <span>{t('collectedLabel')}</span>
        </div>
        <div>
          <span class="big" data-testid="issued">
            {turnout.issued}
          </span>
          <span>{t('issuedLabel')}</span>
        </div>
        <div>
          <span class="big">{turnout.present}</span>
          <span>{t('presentLabel')}</span>
        </div>
      </div>
      <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={turnout.issued} aria-valuenow={turnout.collected} aria-label={t('liveTitle')}>
        <div style={{ width: `${pct}%` }} />
      </div>
      {outdated ? <ErrorNote code="protocol-outdated" /> : !online && state === 'open' && <p class="warn">{t('liveOffline')}</p>}
      {turnout.collected > turnout.present && (
        <p class="warn" role="status" data-testid="more-than-present">
          {t('moreThanPresent', { collected: turnout.collected, present: turnout.present })}
        </p>
      )}
      {session.tracesPending && (
        <div class="error" role="alert" data-testid="traces-pending">
          <p>{t('tracesPending')}</p>
          <button
            type="button"
            onClick={() =>
              void action.run(null, () => call('POST /api/admin/sessions/:id/scrub', { params: { id: session.id } }), () => {
                void reload();
              })
            }
          >
            {t('tracesScrub')}
          </button>
        </div>
      )}
      {storageFull && (
        <p class="error" role="alert" data-code="storage-full" data-testid="storage-full">
          {t('storageFull')}
        </p>
      )}
      {state === 'draft' && turnout.issued > turnout.present && (
        <p class="warn" data-testid="issued-over-present">
          {t('issuedOverPresent', { issued: turnout.issued, present: turnout.present })}
        </p>
      )}
      <div class="row">
        {state === 'draft' && (
          <button type="button" class="primary big-button" disabled={action.busy || needsSeal} aria-describedby={needsSeal ? 'needs-seal' : undefined} onClick={open}>
            {t('openVoting')}
          </button>
        )}
        {state === 'draft' && needsSeal && (
          <>
            <span class="warn" id="needs-seal" data-testid="needs-seal">
              {t('openNeedsSeal')}
            </span>
            <button type="button" onClick={() => navigate({ page: 'session', id: session.id, tab: 'setup' })}>
              {t('goSeal')}
            </button>
          </>
        )}
        {state === 'open' && (
          <button type="button" class="danger big-button" disabled={action.busy} onClick={close}>
            {t('closeVoting')}
          </button>
        )}
      </div>
      {session.sealed && !needsSeal && state !== 'closed' && (
        <p class="hint" data-testid="run-box">
          {t('runBoxSealed', { k: session.box.threshold ?? 0, n: session.boxHolders.length })}
        </p>
      )}
      {state === 'closed' && <p class="notice">{session.sealed && session.box.openedAt === null ? t('closedSealedNote') : t('closedNote')}</p>}
      <ErrorNote code={action.error} />
      <div class="panel">
        <h3>{t('displayLink')}</h3>
        <LinkRow url={displayUrl} openLabel={t('openDisplay')} testId="display-link" secret />
      </div>
    </>
  );
}
