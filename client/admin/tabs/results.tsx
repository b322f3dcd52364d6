/**
 * The Results tab: for a sealed box, opening it first (client/admin/box-opening.tsx); then
 * the results module's own panel (client/admin/results-panel.tsx: tally, publishing, live
 * results, minutes, exports), mounted as it is.
 */
import { BoxOpened, BoxOpening } from '../box-opening';
import { ResultsPanel } from '../results-panel';
import type { TabProps } from '../types';
import { lang, t } from '../state';

export function ResultsTab({ session, reload }: TabProps) {
  const closed = session.state === 'closed';
  const locked = closed && session.sealed && session.box.openedAt === null;
  return (
    <div class="results-slot" data-slot="results" data-session={session.id}>
      {locked && <BoxOpening session={session} reload={reload} />}
      {locked && <p class="hint">{t('resultsLocked')}</p>}
      {closed && session.sealed && !locked && <BoxOpened session={session} />}
      {!locked && <ResultsPanel key={`${session.id}-${session.state}-${session.box.openedAt ?? ''}`} sessionId={session.id} lang={lang.value} />}
    </div>
  );
}
