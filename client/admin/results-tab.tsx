/**
 * RESULTS MODULE SLOT. Publishing results, the minutes (biên bản kiểm phiếu) and the
 * exports belong to the results/display module: replace the body of `ResultsTab` with its
 * buttons. The console passes the session and a reload function like every other tab.
 */
import type { TabProps } from './session-view';
import { t } from './state';

export function ResultsTab({ session }: TabProps) {
  return (
    <div class="results-slot" data-slot="results" data-session={session.id}>
      <h2>{t('tab_results')}</h2>
      <p class="hint">{t('resultsPlaceholder')}</p>
    </div>
  );
}
