/**
 * QR slips: issue, print (HTML view or PDF), void a lost one by its typed code with a
 * replacement, and void the ones not handed out before opening. Codes are never listed on
 * screen: the laptop may be mirrored on the projector.
 */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { ask } from '../confirm';
import type { Network, Slip, TabProps } from '../types';
import { t } from '../state';
import { ErrorNote, Notice, useAction, useLoad } from '../ui';
import { LeftoverVoid } from '../slips-leftover';
import { formatSlipCode, parseSlipCode } from '../../../shared/slip-code';

function countSlips(slips: Slip[]) {
  const c = { issued: 0, unused: 0, unprinted: 0, used: 0, void: 0 };
  for (const s of slips) {
    c[s.state] += 1;
    if (s.state !== 'void') c.issued += 1;
    if (s.state === 'unused' && s.printed === 0) c.unprinted += 1;
  }
  return c;
}

export function SlipsTab({ session, reload }: TabProps) {
  const slips = useLoad('GET /api/admin/sessions/:id/slips', { params: { id: session.id } });
  const net = useLoad('GET /api/admin/network');
  const c = countSlips(slips.data?.slips ?? []);
  // Present + 10% only for the first batch: once slips exist (voided ones included), a
  // suggestion computed from what is left would quietly re-issue the leftovers just voided.
  const firstBatch = c.issued + c.void === 0;
  const suggested = firstBatch ? Math.max(1, Math.ceil(session.present * 1.1)) : 1;
  const [count, setCount] = useState(suggested);
  const [origin, setOrigin] = useState('');
  const [code, setCode] = useState('');
  const [replace, setReplace] = useState(true);
  const action = useAction();
  const closed = session.state === 'closed';
  const origins = net.data ? [...net.data.urls, net.data.here].filter((u, i, all) => all.indexOf(u) === i) : [];
  useEffect(() => setCount(suggested), [suggested]);
  useEffect(() => {
    if (!origin && origins[0]) setOrigin(origins[0]);
  }, [origins.join()]);
  const refresh = async () => {
    await slips.reload();
    await reload();
  };

  const print = async (which: 'unused' | 'unprinted', format: 'html' | 'pdf') => {
    const n = which === 'unused' ? c.unused : c.unprinted;
    if (!(await ask({ message: `${t(format === 'html' ? (which === 'unused' ? 'printUnused' : 'printUnprinted') : which === 'unused' ? 'pdfUnused' : 'pdfUnprinted', { n })}?` }))) return;
    const url = `/api/admin/sessions/${session.id}/slips/print${format === 'pdf' ? '.pdf' : ''}?which=${which}&origin=${encodeURIComponent(origin)}`;
    if (format === 'html') window.open(url, '_blank', 'noopener,noreferrer');
    else {
      const a = document.createElement('a');
      a.href = url;
      a.download = '';
      a.click();
    }
    setTimeout(() => void slips.reload(), 1500);
  };

  return (
    <>
      <p data-testid="slip-counts">{t('slipsCounts', c)}</p>
      <ErrorNote code={slips.error ?? action.error} />
      <Notice text={action.notice} />
      {!closed && (
        <div class="grid2">
          <form
            class="panel"
            onSubmit={(e) => {
              e.preventDefault();
              void action.run({ message: t('confirmIssue', { n: count }) }, () => call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count } }), () => {
                void refresh();
                return t('issueDone', { n: count });
              });
            }}
          >
            <h3>{t('issueTitle')}</h3>
            <label>
              {t('issueCount')}
              <input name="count" type="number" min={1} max={2000} value={count} onInput={(e) => setCount(Math.max(1, Math.floor(Number(e.currentTarget.value) || 1)))} />
            </label>
            <p class="hint">{firstBatch ? t('issueHint') : t('issueMoreHint', { n: c.issued })}</p>
            <button type="submit" class="primary" disabled={action.busy}>
              {t('issue')}
            </button>
          </form>
          <div class="panel">
            <h3>{t('printTitle')}</h3>
            <label>
              {t('printOrigin')}
              <select value={origin} onChange={(e) => setOrigin(e.currentTarget.value)}>
                {origins.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
            <div class="stack">
              <button type="button" disabled={c.unused === 0} onClick={() => print('unused', 'html')}>
                {t('printUnused', { n: c.unused })}
              </button>
              <button type="button" disabled={c.unprinted === 0} onClick={() => print('unprinted', 'html')}>
                {t('printUnprinted', { n: c.unprinted })}
              </button>
              <button type="button" disabled={c.unused === 0} onClick={() => print('unused', 'pdf')}>
                {t('pdfUnused')}
              </button>
              <button type="button" disabled={c.unprinted === 0} onClick={() => print('unprinted', 'pdf')}>
                {t('pdfUnprinted')}
              </button>
            </div>
            <p class="hint">{t('printNote')}</p>
          </div>
          <form
            class="panel"
            onSubmit={(e) => {
              e.preventDefault();
              // Read the code as the phones do (any case, spaces, O/0, I/L/1) and show it back
              // in its printed form, so the operator compares it with the slip in hand.
              const parsed = parseSlipCode(code);
              if (!parsed) {
                action.setError('slip-code-format');
                return;
              }
              const typed = formatSlipCode(parsed.id, parsed.secret);
              void action.run(
                { message: t('confirmVoid', { code: typed }), danger: true },
                async () => {
                  await call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: typed } });
                  if (replace) await call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 1 } });
                  setCode('');
                  await refresh();
                },
                () => t(replace ? 'voidDoneReplaced' : 'voidDone', { code: typed }),
              );
            }}
          >
            <h3>{t('voidTitle')}</h3>
            <label>
              {t('voidCode')}
              <input name="code" autoComplete="off" spellcheck={false} maxLength={40} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            </label>
            <label class="inline">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} />
              {t('voidReplace')}
            </label>
            <button type="submit" class="danger" disabled={code.trim() === '' || action.busy}>
              {t('voidSubmit')}
            </button>
          </form>
          <LeftoverVoid sessionId={session.id} unused={c.unused} draft={session.state === 'draft'} onDone={refresh} />
        </div>
      )}
    </>
  );
}
