/** All votes: open one, duplicate it, delete a draft, or create a new one from a preset. */
import { formatShortDate } from '../../shared/format';
import { call } from './api';
import { emptySession, SessionForm } from './session-form';
import { navigate, t } from './state';
import type { SessionInput, SessionSummary } from './types';
import { ErrorNote, useAction, useLoad } from './ui';

export function SessionList() {
  const list = useLoad('GET /api/admin/sessions');
  const presets = useLoad('GET /api/admin/presets');
  const action = useAction();
  const create = (value: SessionInput) =>
    action.run({ message: t('confirmCreate', { title: value.title }) }, () => call('POST /api/admin/sessions', { body: value }), (s) => {
      navigate({ page: 'session', id: s.id, tab: 'people' });
    });
  const duplicate = (s: SessionSummary) =>
    action.run({ message: t('confirmDuplicate', { title: s.title }) }, () => call('POST /api/admin/sessions/:id/duplicate', { params: { id: s.id } }), (copy) => {
      navigate({ page: 'session', id: copy.id, tab: 'setup' });
    });
  const remove = (s: SessionSummary) =>
    action.run({ message: t('confirmDelete', { title: s.title }), danger: true }, () => call('DELETE /api/admin/sessions/:id', { params: { id: s.id } }), () => {
      void list.reload();
    });
  const sessions = list.data?.sessions;
  return (
    <>
      <section class="card">
        <h1>{t('sessionsTitle')}</h1>
        <ErrorNote code={list.error ?? action.error} />
        {sessions && sessions.length === 0 && <p class="hint">{t('sessionsEmpty')}</p>}
        {sessions && sessions.length > 0 && (
          <ul class="sessions">
            {sessions.map((s) => (
              <li key={s.id} data-testid="session-row">
                <div class="grow">
                  <a
                    href={`/admin/s/${s.id}/setup`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ page: 'session', id: s.id, tab: s.state === 'draft' ? 'setup' : 'run' });
                    }}
                  >
                    <strong>{s.title}</strong>
                  </a>
                  <div class="hint">
                    {s.organisation} · {formatShortDate(s.heldOn)} · {t('issuedLabel')}: {s.turnout.issued} · {t('collectedLabel')}: {s.turnout.collected}
                  </div>
                </div>
                <span class={`state ${s.state}`}>{t(`state_${s.state}`)}</span>
                {s.publishedAt && <span class="state published">{t('published')}</span>}
                <button type="button" onClick={() => duplicate(s)} disabled={action.busy}>
                  {t('duplicate')}
                </button>
                {s.state === 'draft' && (
                  <button type="button" class="danger" onClick={() => remove(s)} disabled={action.busy}>
                    {t('delete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t('newSession')}</h2>
        {presets.data && <SessionForm presets={presets.data.presets} initial={emptySession(presets.data.presets[0]!)} submitLabel={t('create')} onSubmit={create} />}
      </section>
    </>
  );
}
