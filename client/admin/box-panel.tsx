/**
 * The phone ballot box of a vote (Hòm phiếu điện tử), in the Details tab: sealed (the
 * default) or unsealed, and, for a sealed box, who holds the shares, how many open it,
 * and the sealing ceremony. Read only once voting has opened.
 */
import { useState } from 'preact/hooks';
import { call } from './api';
import { SealCeremony, type SealAnswer } from './seal-ceremony';
import type { SessionDetail, TabProps } from './types';
import { navigate, t } from './state';
import { ErrorNote, formatMoment, useAction, useLoad } from './ui';

interface Member {
  fullName: string;
  role: string;
}

/** A majority of the committee, never fewer than 2: the server's default too. */
export function majority(members: number): number {
  return Math.min(members, Math.max(2, Math.floor(members / 2) + 1));
}

export function BoxPanel({ session, reload }: TabProps) {
  const committee = useLoad('GET /api/admin/sessions/:id/committee', { params: { id: session.id } });
  const action = useAction();
  const [threshold, setThreshold] = useState<number | null>(null);
  // The shares exist only here, from the seal answer until the ceremony ends.
  const [answer, setAnswer] = useState<SealAnswer | null>(null);
  const [missed, setMissed] = useState(0);
  const draft = session.state === 'draft';
  const sealedUp = session.box.sealedAt !== null;
  const members = committee.data?.members ?? [];
  const k = threshold !== null && threshold <= members.length ? threshold : majority(members.length);

  const chooseMode = (sealed: boolean) =>
    action.run(
      sealed
        ? { message: t('confirmSealedMode') }
        : { message: sealedUp ? `${t('confirmUnsealed')} ${t('confirmUnsealedVoids')}` : t('confirmUnsealed'), danger: true },
      () => call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed } }),
      () => {
        setMissed(0);
        void reload();
      },
    );

  // The radio shows the server's choice: it moves only once the change is confirmed and saved.
  const pick = (e: Event, sealed: boolean) => {
    e.preventDefault();
    for (const radio of (e.currentTarget as HTMLInputElement).closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[name=box-mode]')) {
      radio.checked = (radio.value === 'sealed') === session.sealed;
    }
    if (sealed !== session.sealed) void chooseMode(sealed);
  };

  const seal = () =>
    action.run(
      {
        message: `${sealedUp ? `${t('confirmReseal')}\n\n` : ''}${t('confirmSeal', { n: members.length, k })}`,
        requireTick: t('tickNotProjected'),
        danger: sealedUp,
      },
      () => call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: { threshold: k } }),
      ({ shares, threshold: sealedWith }) => {
        setMissed(0);
        setAnswer({ shares, threshold: sealedWith });
        void reload();
      },
    );

  const holdersChanged =
    sealedUp &&
    committee.data !== null &&
    (members.length !== session.boxHolders.length || members.some((m, i) => m.fullName !== session.boxHolders[i]?.fullName || m.role !== session.boxHolders[i]?.role));

  return (
    <section class="panel box-panel" data-testid="box-panel" aria-labelledby="box-title">
      <h3 id="box-title">{t('boxTitle')}</h3>
      <fieldset class="box-modes" disabled={!draft || action.busy}>
        <label class={`box-mode${session.sealed ? ' chosen' : ''}`}>
          <span class="box-mode-name">
            <input type="radio" name="box-mode" value="sealed" checked={session.sealed} onClick={(e) => pick(e, true)} />
            {t('boxSealedOption')}
          </span>
          <span class="hint">{t('boxSealedExplain')}</span>
        </label>
        <label class={`box-mode${session.sealed ? '' : ' chosen'}`}>
          <span class="box-mode-name">
            <input type="radio" name="box-mode" value="unsealed" checked={!session.sealed} onClick={(e) => pick(e, false)} />
            {t('boxUnsealedOption')}
          </span>
          <span class="hint">{t('boxUnsealedExplain')}</span>
        </label>
      </fieldset>

      {!session.sealed && <p data-testid="box-status">{t('boxUnsealedState')}</p>}

      {session.sealed && sealedUp && (
        <>
          <p class="box-sealed" data-testid="box-status">
            {t('boxSealedAt', { at: formatMoment(session.box.sealedAt!), k: session.box.threshold ?? 0, n: session.boxHolders.length })}
          </p>
          <Holders title={t('boxHolders')} people={session.boxHolders} />
          {draft && holdersChanged && <p class="warn">{t('boxCommitteeChanged')}</p>}
        </>
      )}
      {session.sealed && !sealedUp && (
        <p class="warn" data-testid="box-status">
          {t('boxNotSealed')}
        </p>
      )}
      {missed > 0 && (
        <p class="warn" role="alert">
          {t('boxCeremonyUnfinished', { m: missed })}
        </p>
      )}

      {session.sealed && draft && committee.data && members.length < 2 && (
        <div class="row">
          <p class="warn">{t('boxNeedCommittee')}</p>
          <button type="button" onClick={() => navigate({ page: 'session', id: session.id, tab: 'committee' })}>
            {t('boxGoCommittee')}
          </button>
        </div>
      )}
      {session.sealed && draft && members.length >= 2 && (
        <>
          {!sealedUp && <Holders title={t('boxHoldersBefore')} people={members} />}
          <div class="row">
            <label class="inline">
              {t('boxThreshold')}
              <select name="threshold" value={k} onChange={(e) => setThreshold(Number(e.currentTarget.value))}>
                {Array.from({ length: members.length - 1 }, (_, i) => i + 2).map((value) => (
                  <option key={value} value={value}>
                    {value === majority(members.length) ? t('boxThresholdMajority', { k: value, n: members.length }) : t('boxThresholdOption', { k: value, n: members.length })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" class={sealedUp ? '' : 'primary'} disabled={action.busy} onClick={seal}>
              {sealedUp ? t('boxReseal') : t('boxSeal')}
            </button>
          </div>
        </>
      )}
      <ErrorNote code={action.error ?? committee.error} />

      {answer && (
        <SealCeremony
          answer={answer}
          sessionTitle={session.title}
          sealedAt={session.box.sealedAt}
          onFinish={(left) => {
            setAnswer(null);
            setMissed(left);
          }}
        />
      )}
    </section>
  );
}

function Holders({ title, people }: { title: string; people: Member[] }) {
  return (
    <div class="holders">
      <div class="hint">{title}</div>
      <ol data-testid="box-holders">
        {people.map((p, i) => (
          <li key={i}>
            {p.fullName} — {p.role}
          </li>
        ))}
      </ol>
    </div>
  );
}
