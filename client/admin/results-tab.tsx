/**
 * The Results tab: the results module's own panel (client/admin/results-panel.tsx:
 * tally, publishing, live results, minutes, exports), mounted as it is.
 */
import { ResultsPanel } from './results-panel';
import type { TabProps } from './session-view';
import { lang } from './state';

export function ResultsTab({ session }: TabProps) {
  return (
    <div class="results-slot" data-slot="results" data-session={session.id}>
      <ResultsPanel key={`${session.id}-${session.state}`} sessionId={session.id} lang={lang.value} />
    </div>
  );
}
