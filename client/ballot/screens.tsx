/** The ballot page's one-message screens: opening, waiting, sending, recorded, used, closed, errors. */
import type { ComponentChildren } from 'preact';
import { withAddress, type Address } from '../../shared/address';
import { errorMessage, type ErrorCode, type Lang } from '../../shared/errors';
import type { BallotStrings } from '../../shared/i18n/ballot';
import type { BallotSessionView } from '../../shared/protocol';
import { Heading } from './heading';
import { SessionHead } from './session-head';

function Notice({ tone, icon, title, children }: { tone: string; icon: string; title: string; children?: ComponentChildren }) {
  return (
    <main class={`screen notice ${tone}`}>
      <div class="icon" aria-hidden="true">
        {icon}
      </div>
      <Heading>{title}</Heading>
      {children}
    </main>
  );
}

export function Opening({ t }: { t: BallotStrings }) {
  return (
    <main class="screen notice calm" aria-busy="true">
      <div class="spinner" aria-hidden="true" />
      <Heading>{t.opening}</Heading>
      <p class="muted">{t.openingHint}</p>
    </main>
  );
}

export function Waiting({ session, t, lang }: { session: BallotSessionView; t: BallotStrings; lang: Lang }) {
  return (
    <main class="screen">
      <SessionHead session={session} t={t} lang={lang} />
      <div class="card calm" role="status">
        <div class="pulse" aria-hidden="true" />
        <h2>{t.waitingTitle}</h2>
        <p>{t.waitingBody}</p>
        <p>
          <strong>{t.waitingKeepOpen}</strong>
        </p>
      </div>
    </main>
  );
}

export function Submitting({ t, offline, notice }: { t: BallotStrings; offline: boolean; notice?: string | undefined }) {
  return (
    <main class="screen notice calm" aria-busy="true">
      <div class="spinner" aria-hidden="true" />
      <Heading>{t.submittingTitle}</Heading>
      <p>{t.submittingBody}</p>
      {notice && !offline && (
        <p class="warn" role="status">
          {notice}
        </p>
      )}
      {offline && (
        <p class="warn" role="status">
          {t.submittingOffline}
        </p>
      )}
    </main>
  );
}

function Receipt({ t, receipt }: { t: BallotStrings; receipt: string }) {
  return (
    <div class="receipt">
      <p class="receipt-label">{t.receiptLabel}</p>
      <p class="receipt-code" data-testid="receipt">
        {receipt}
      </p>
      <p class="receipt-hint">{t.receiptHint}</p>
    </div>
  );
}

export function Recorded({ t, receipt }: { t: BallotStrings; receipt?: string | undefined }) {
  return (
    <Notice tone="good" icon="✓" title={t.recordedTitle}>
      <p>{t.recordedBody}</p>
      {receipt && <Receipt t={t} receipt={receipt} />}
    </Notice>
  );
}

/** A slip this phone did not cast (its own cast shows `Recorded` again, with its code). */
export function Used({ t }: { t: BallotStrings }) {
  return (
    <Notice tone="neutral" icon="i" title={t.usedTitle}>
      <p>{t.usedBody}</p>
    </Notice>
  );
}

export function Closed({ t }: { t: BallotStrings }) {
  return (
    <Notice tone="neutral" icon="■" title={t.closedTitle}>
      <p>{t.closedBody}</p>
    </Notice>
  );
}

/** Codes after which typing the slip code again may help. */
const RETYPE: ReadonlySet<ErrorCode> = new Set(['slip-unknown', 'slip-secret-missing', 'bad-seal']);

/** Refusals of a sent ballot (as opposed to a slip that cannot be opened). */
const NOT_RECORDED: ReadonlySet<ErrorCode> = new Set(['bad-seal', 'bad-ballot']);

export function Failure({ code, t, lang, address }: { code: ErrorCode; t: BallotStrings; lang: Lang; address?: Address | undefined }) {
  const message = withAddress(errorMessage(code, lang), address);
  return (
    <Notice tone="bad" icon="!" title={NOT_RECORDED.has(code) ? t.notRecordedTitle : t.errorTitle}>
      <p>{message}</p>
      {code === 'protocol-outdated' && (
        <p>
          <button type="button" onClick={() => location.reload()}>
            {t.retry}
          </button>
        </p>
      )}
      {!message.includes(t.committee) && <p class="muted">{t.contact}</p>}
      {RETYPE.has(code) && (
        <p>
          <a class="button secondary" href="/">
            {t.typeCode}
          </a>
        </p>
      )}
    </Notice>
  );
}
