/** Paper ballots: how many were handed out, and keying each sheet twice by two operators. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { PaperSheetForm } from '../paper-sheet';
import type { PaperStatus, TabProps } from '../types';
import { t } from '../state';
import { ErrorNote, Notice, useAction, useLoad } from '../ui';

export function PaperTab({ session, reload }: TabProps) {
  const status = useLoad('GET /api/admin/sessions/:id/paper', { params: { id: session.id } });
  const [issued, setIssued] = useState(session.paperIssued);
  const action = useAction();
  const canIssue = session.publishedAt === null;
  const canKey = session.state !== 'draft' && session.publishedAt === null;
  const s = status.data;
  return (
    <>
      <p class="hint">{t('paperRule')}</p>
      <p class="hint">{t('paperWhen')}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run({ message: t('confirmPaperIssued', { n: issued }) }, () => call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: issued } }), () => {
            void status.reload();
            void reload();
            return t('saved');
          });
        }}
      >
        <label class="inline">
          {t('paperIssued')}
          <input name="paperIssued" type="number" min={0} max={100000} disabled={!canIssue} value={issued} onInput={(e) => setIssued(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
        </label>
        {canIssue && (
          <button type="submit" disabled={action.busy || issued === session.paperIssued}>
            {t('save')}
          </button>
        )}
      </form>
      <p class="hint">{t('paperIssuedHint')}</p>
      <ErrorNote code={status.error ?? action.error} />
      <Notice text={action.notice} />
      {s && (
        <p data-testid="paper-counts">
          <strong>{t('paperCounts', { issued: s.issued, collected: s.collected, pending: s.pending.length })}</strong>
        </p>
      )}
      {!canKey && session.state === 'draft' && <p class="notice">{t('paperNotYet')}</p>}
      {canKey && s && <PaperSheetForm session={session} status={s} onChange={status.reload} />}
    </>
  );
}
