/** The page at `/b/<slip>`: whichever screen the controller's phase calls for, addressing the delegate as the vote does. */
import { withAddress } from '../../shared/address';
import { errorMessage, type Lang } from '../../shared/errors';
import { ballotStrings, type BallotStrings } from '../../shared/i18n/ballot';
import { BallotForm } from './ballot-form';
import type { BallotController } from './controller';
import { Review } from './review';
import { Closed, Failure, Opening, Recorded, Submitting, Used, Waiting } from './screens';
import { useBallotState } from './use-controller';

export function BallotPage({ controller, lang }: { controller: BallotController; lang: Lang }) {
  const state = useBallotState(controller);
  const { session, marks, address } = state;
  const t = ballotStrings(lang, address);
  switch (state.phase) {
    case 'opening':
      return <Opening t={t} />;
    case 'waiting':
      return session ? <Waiting session={session} t={t} lang={lang} /> : <Opening t={t} />;
    case 'ballot':
      return session ? (
        <BallotForm
          session={session}
          marks={marks}
          t={t}
          lang={lang}
          onMark={(p, l) => controller.mark(p, l)}
          onReview={() => controller.review()}
        />
      ) : (
        <Opening t={t} />
      );
    case 'review':
      return session ? (
        <Review session={session} marks={marks} t={t} lang={lang} onBack={() => controller.back()} onSubmit={() => controller.submit()} />
      ) : (
        <Opening t={t} />
      );
    case 'submitting':
      return <Submitting t={t} offline={state.link === 'offline'} notice={state.retrying && withAddress(errorMessage(state.retrying, lang), address)} />;
    case 'recorded':
      return <Recorded t={t} receipt={state.receipt} />;
    case 'used':
      return <Used t={t} />;
    case 'closed':
      return <Closed t={t} />;
    case 'error':
      return <Failure code={state.error ?? 'internal'} t={t} lang={lang} address={address} />;
  }
}

/** The quiet "reconnecting" line, shown on every screen while the link is down. */
export function LinkBanner({ controller, t }: { controller: BallotController; t: BallotStrings }) {
  const state = useBallotState(controller);
  const quietPhases = state.phase === 'recorded' || state.phase === 'used' || state.phase === 'error' || state.phase === 'submitting';
  if (state.link !== 'offline' || quietPhases) return null;
  return (
    <p class="banner" role="status">
      {t.reconnecting}
    </p>
  );
}
