/**
 * The sealed phone box on the projector: after close, a notice that it waits for the tally
 * committee; once opened, the QR of the published list of tracking codes (`/r/<id>`) with
 * the box's fingerprint, so a delegate can check their code and anyone can compare the
 * fingerprint with the minutes.
 */
import type { DisplayInfo } from '../../shared/display-info';
import type { Lang } from '../../shared/errors';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import { Qr } from '../qr';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * The list's address as a phone reaches it: the address this display was opened on (the
 * display link names the LAN address), unless that is the laptop itself.
 */
export function receiptsUrl(info: Pick<DisplayInfo, 'id' | 'lanOrigin'>, loc: Pick<Location, 'origin' | 'hostname'>): string {
  const origin = LOOPBACK.test(loc.hostname) && info.lanOrigin ? info.lanOrigin : loc.origin;
  return `${origin}/r/${info.id}`;
}

function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="4" y="10" width="16" height="12" rx="2" fill="currentColor" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.4" />
    </svg>
  );
}

export function BoxLocked({ lang }: { lang: Lang }) {
  const s = DISPLAY_STRINGS[lang];
  return (
    <div class="box-panel box-locked" data-testid="box-locked">
      <LockIcon />
      <p class="box-title">{s.boxLockedTitle}</p>
      <p class="box-text">{s.boxLocked}</p>
    </div>
  );
}

export function ReceiptsPanel({ info, lang }: { info: DisplayInfo; lang: Lang }) {
  const s = DISPLAY_STRINGS[lang];
  const url = receiptsUrl(info, location);
  return (
    <div class="box-panel receipts" data-testid="receipts">
      <Qr text={url} label={s.receiptsQrLabel} testId="receipts-qr" />
      <p class="receipts-caption">{s.receiptsCaption}</p>
      <p class="receipts-url" data-testid="receipts-url">
        {url}
      </p>
      {info.fingerprint && (
        <p class="fingerprint-line">
          <span class="fingerprint-label">{s.fingerprint}</span>
          <span class="fingerprint" data-testid="fingerprint">
            {info.fingerprint}
          </span>
        </p>
      )}
    </div>
  );
}
