/**
 * Keying one paper sheet. The first operator starts a new sheet; the second picks the
 * pending entry (by its short id, which the committee pencils on the sheet) and keys it
 * blind. Every person needs an explicit choice, "Invalid" included.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from './api';
import { ask } from './confirm';
import { lang, t } from './state';
import type { PaperStatus, SessionDetail } from './types';
import { ErrorNote, Notice, useAction } from './ui';

const INVALID = '__invalid';

export function PaperSheetForm({ session, status, onChange }: { session: SessionDetail; status: PaperStatus; onChange: () => Promise<void> }) {
  const [target, setTarget] = useState<string>('');
  const [invalidSheet, setInvalidSheet] = useState(false);
  const [marks, setMarks] = useState<Record<string, string>>({});
  const action = useAction();
  const outcome = useRef<HTMLDivElement>(null);
  // The outcome (the short id to pencil on the sheet, or a mismatch) sits at the top of the
  // sheet, where the next entry starts; the submit button is at the end of a long sheet, so
  // bring it into view and give it the focus.
  useEffect(() => {
    if (!action.notice && !action.error) return;
    outcome.current?.scrollIntoView?.({ block: 'start' });
    outcome.current?.focus({ preventScroll: true });
  }, [action.notice, action.error]);
  useEffect(() => {
    // Both entries are gone: clear the choices so nobody re-sends the misread without re-reading the sheet.
    if (action.error === 'paper-mismatch') reset();
  }, [action.error]);
  const others = status.pending.filter((p) => !p.mine);
  const mine = status.pending.filter((p) => p.mine);
  // A new sheet only while paper ballots handed out are not all recorded or waiting (paper-limit).
  const room = status.collected + status.pending.length < status.issued;
  const chosen = room || others.some((p) => p.id === target) ? target : (others[0]?.id ?? '');
  const nothingToKey = !room && others.length === 0;
  const missing = invalidSheet ? 0 : session.persons.filter((p) => !marks[p.id]).length;
  const reset = () => {
    setMarks({});
    setInvalidSheet(false);
    setTarget('');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (missing > 0) return;
    const body = {
      invalidSheet,
      marks: Object.fromEntries(session.persons.map((p) => [p.id, invalidSheet || marks[p.id] === INVALID ? null : (marks[p.id] ?? null)])),
      ...(chosen ? { pendingId: chosen } : {}),
    };
    await action.run(
      chosen ? { message: t('confirmPaperSecond', { id: chosen }) } : null,
      () => call('POST /api/admin/sessions/:id/paper/entries', { params: { id: session.id }, body }),
      (res) => {
        reset();
        void onChange();
        return res.status === 'pending' ? t('paperPending', { id: res.entryId }) : t('paperRecorded');
      },
    );
    // A mismatch discards both entries: refresh so the gone entry disappears from the list.
    void onChange();
  };

  const withdraw = async (id: string) => {
    if (!(await ask({ message: t('confirmWithdraw', { id }), danger: true }))) return;
    await action.run(null, () => call('DELETE /api/admin/sessions/:id/paper/entries/:entryId', { params: { id: session.id, entryId: id } }), () => {
      void onChange();
    });
  };

  return (
    <form class="paper" onSubmit={submit}>
      <div ref={outcome} class="paper-outcome" tabIndex={-1} data-testid="paper-outcome">
        <ErrorNote code={action.error} />
        {action.error === 'paper-mismatch' && <p class="hint">{t('paperMismatchHelp')}</p>}
        <Notice text={action.notice} />
      </div>
      {mine.map((p) => (
        <p class="hint" key={p.id}>
          {t('paperMine', { id: p.id })}{' '}
          <button type="button" class="link" onClick={() => withdraw(p.id)}>
            {t('paperWithdraw')}
          </button>
        </p>
      ))}
      {nothingToKey ? (
        <p class="notice" data-testid="paper-done">
          {status.issued === 0 ? t('paperNoneIssued') : status.pending.length === 0 ? t('paperAllRecorded', { n: status.issued }) : t('paperAllKeyed')}
        </p>
      ) : (
        <>
          <fieldset class="targets">
            {room && (
              <label class="inline">
                <input type="radio" name="target" checked={chosen === ''} onChange={() => setTarget('')} />
                {t('paperFirst')}
              </label>
            )}
            {others.map((p) => (
              <label class="inline" key={p.id}>
                <input type="radio" name="target" checked={chosen === p.id} onChange={() => setTarget(p.id)} />
                {t('paperSecond', { id: p.id, operator: p.operator })}
              </label>
            ))}
          </fieldset>
          <label class="inline strong">
            <input type="checkbox" name="invalidSheet" checked={invalidSheet} onChange={(e) => setInvalidSheet(e.currentTarget.checked)} />
            {t('invalidSheet')}
          </label>
          <table class="sheet">
            <tbody>
              {session.persons.map((p) => (
                <tr key={p.id} data-testid="sheet-row">
                  <td class="num">{p.order}</td>
                  <td class="person">
                    <strong>{p.fullName}</strong>
                    <div class="hint">{p.position}</div>
                  </td>
                  <td>
                    <div class="choices" role="radiogroup" aria-label={p.fullName}>
                      {[...session.preset.levels.map((l) => ({ id: l.id, label: l.label[lang.value] })), { id: INVALID, label: t('invalidMark') }].map((choice) => (
                        <label class={`choice ${marks[p.id] === choice.id ? 'chosen' : ''}`} key={choice.id}>
                          <input
                            type="radio"
                            name={`mark-${p.id}`}
                            disabled={invalidSheet}
                            checked={marks[p.id] === choice.id}
                            onChange={() => setMarks({ ...marks, [p.id]: choice.id })}
                          />
                          {choice.label}
                        </label>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">
            {t('invalidMark')}: {t('invalidMarkHint')}
          </p>
          {missing > 0 && <p class="warn">{t('paperMissing', { n: missing })}</p>}
          <button type="submit" class="primary" disabled={missing > 0 || action.busy}>
            {t('paperSubmit')}
          </button>
        </>
      )}
    </form>
  );
}
