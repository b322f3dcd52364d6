/** One vote: a header with its state, and a tab per step of the day. */
import { AuditTab } from './tabs/audit';
import { CommitteeTab } from './tabs/committee';
import { PaperTab } from './tabs/paper';
import { PeopleTab } from './tabs/people';
import { ResultsTab } from './tabs/results';
import { RunTab } from './tabs/run';
import { SetupTab } from './tabs/setup';
import { SlipsTab } from './tabs/slips';
import { navigate, t, TABS, type Tab } from './state';
import type { SessionDetail } from './types';
import { ErrorNote, useLoad } from './ui';

export function SessionView({ id, tab }: { id: string; tab: Tab }) {
  const { data: session, error, reload } = useLoad('GET /api/admin/sessions/:id', { params: { id } });
  if (error) return <ErrorNote code={error} />;
  if (!session) return <p class="loading">{t('loading')}</p>;
  const props = { session, reload };
  return (
    <>
      <div class="session-head">
        <button type="button" class="link" onClick={() => navigate({ page: 'list' })}>
          {t('back')}
        </button>
        <h1>{session.title}</h1>
        <span class={`state ${session.state}`} data-testid="session-state">
          {t(`state_${session.state}`)}
        </span>
      </div>
      <nav class="tabs" role="tablist">
        {TABS.map((name) => (
          <button
            type="button"
            role="tab"
            key={name}
            aria-selected={name === tab}
            class={name === tab ? 'active' : ''}
            onClick={() => {
              navigate({ page: 'session', id, tab: name });
              void reload();
            }}
          >
            {t(`tab_${name}`)}
          </button>
        ))}
      </nav>
      <section class="card" role="tabpanel" aria-labelledby="tab-heading">
        {/* The tab's name, for the outline a screen reader walks: the vote's title (h1), this tab (h2), its parts (h3). */}
        <h2 id="tab-heading" class="sr-only">
          {t(`tab_${tab}`)}
        </h2>
        {tab === 'setup' && <SetupTab {...props} />}
        {tab === 'people' && <PeopleTab {...props} />}
        {tab === 'committee' && <CommitteeTab {...props} />}
        {tab === 'slips' && <SlipsTab {...props} />}
        {tab === 'run' && <RunTab {...props} />}
        {tab === 'paper' && <PaperTab {...props} />}
        {tab === 'results' && <ResultsTab {...props} />}
        {tab === 'audit' && <AuditTab {...props} />}
      </section>
    </>
  );
}
