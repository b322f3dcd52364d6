/** The people rated, in printed order: add, edit, reorder, remove, and import. */
import { useEffect, useState } from 'preact/hooks';
import { personError } from '../../../shared/csv';
import { errorMessage } from '../../../shared/errors';
import { call } from '../api';
import { PeopleImport } from '../people-import';
import type { Person, TabProps } from '../types';
import { lang, t } from '../state';
import { ErrorNote, Notice, useAction } from '../ui';

/** Whom a row's buttons act on: the name typed so far, or the row's number. */
const who = (r: Person, i: number) => r.fullName.trim() || t('rowNumber', { n: i + 1 });

export function PeopleTab({ session, reload }: TabProps) {
  const [rows, setRows] = useState<Person[]>(session.persons);
  const [dirty, setDirty] = useState(false);
  const action = useAction();
  const draft = session.state === 'draft';
  useEffect(() => {
    setRows(session.persons);
    setDirty(false);
  }, [session]);
  const update = (next: Person[]) => {
    setRows(next);
    setDirty(true);
  };
  const edit = (i: number, field: 'fullName' | 'position', value: string) => update(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(i, 1);
    next.splice(i + by, 0, row!);
    update(next);
  };
  const firstBad = rows.map((r) => personError(r.fullName, r.position)).find((c) => c !== null) ?? null;
  const save = () =>
    action.run(
      { message: t('confirmSavePeople', { n: rows.length }) },
      async () => {
        await call('PUT /api/admin/sessions/:id/persons', {
          params: { id: session.id },
          body: { persons: rows.map(({ id, fullName, position }) => ({ ...(id ? { id } : {}), fullName, position })) },
        });
        await reload();
      },
      () => t('saved'),
    );
  return (
    <>
      {!draft && <p class="notice">{t('readOnly')}</p>}
      <p>
        <strong>{t('peopleCount', { n: rows.length })}</strong>
      </p>
      <table class="people">
        <thead>
          <tr>
            <th>{t('order')}</th>
            <th>{t('fullName')}</th>
            <th>{t('position')}</th>
            {draft && (
              <th>
                <span class="sr-only">{t('actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id ?? `new-${i}`} data-testid="person-row">
              <td class="num">{i + 1}</td>
              <td>
                <input aria-label={t('fullName')} disabled={!draft} maxLength={200} value={r.fullName} onInput={(e) => edit(i, 'fullName', e.currentTarget.value)} />
              </td>
              <td>
                <input aria-label={t('position')} disabled={!draft} maxLength={300} value={r.position} onInput={(e) => edit(i, 'position', e.currentTarget.value)} />
              </td>
              {draft && (
                <td class="row-actions">
                  {/* The arrow is what shows; its name is words (a symbol in aria-label would hide that the two differ). */}
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} title={t('moveUp')}>
                    <span aria-hidden="true">↑</span>
                    <span class="sr-only">{t('moveUpPerson', { name: who(r, i) })}</span>
                  </button>
                  <button type="button" disabled={i === rows.length - 1} onClick={() => move(i, 1)} title={t('moveDown')}>
                    <span aria-hidden="true">↓</span>
                    <span class="sr-only">{t('moveDownPerson', { name: who(r, i) })}</span>
                  </button>
                  <button type="button" class="danger" aria-label={t('removeNamed', { name: who(r, i) })} onClick={() => update(rows.filter((_, j) => j !== i))}>
                    {t('remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {draft && (
        <div class="row">
          <button type="button" onClick={() => update([...rows, { fullName: '', position: '' }])}>
            {t('addPerson')}
          </button>
          <button type="button" class="primary" disabled={!dirty || firstBad !== null || action.busy} onClick={save}>
            {t('save')}
          </button>
          {dirty && <span class="warn">{t('unsaved')}</span>}
          {firstBad && <span class="error">{errorMessage(firstBad, lang.value)}</span>}
        </div>
      )}
      <ErrorNote code={action.error} />
      <Notice text={action.notice} />
      {draft && <PeopleImport sessionId={session.id} onImported={reload} />}
    </>
  );
}
