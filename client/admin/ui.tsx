/** Small shared pieces: load data, run an action (asking first), show its error or result. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage, type ErrorCode } from '../../shared/errors';
import { formatVietnamMoment } from '../../shared/format';
import type { JsonRoute, RouteInputArgs } from '../../shared/api-contract';
import { routeRequest } from '../../shared/api-path';
import { api, errorCode, type RouteAnswer } from './api';
import { ask, type ConfirmRequest } from './confirm';
import { lang, t } from './state';

export function ErrorNote({ code }: { code: ErrorCode | null }) {
  if (!code) return null;
  return (
    <p class="error" role="alert" data-code={code}>
      {errorMessage(code, lang.value)}
    </p>
  );
}

export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

export interface Loaded<T> {
  data: T | null;
  error: ErrorCode | null;
  reload: () => Promise<void>;
}

/** GET a route of the contract on mount and whenever `reload()` is called. */
export function useLoad<K extends JsonRoute>(route: K, ...[input]: RouteInputArgs<K>): Loaded<RouteAnswer<K>> {
  type T = RouteAnswer<K>;
  const path = routeRequest(route, input).path;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await api<T>('GET', path));
      setError(null);
    } catch (err) {
      setError(errorCode(err));
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/**
 * Run a record-changing action: ask first (when `confirm` is given), then call `fn`.
 * Keeps the error code and a success notice for the view.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(async <T,>(confirm: ConfirmRequest | null, fn: () => Promise<T>, done?: (value: T) => string | null | void) => {
    setNotice(null);
    if (confirm && !(await ask(confirm))) return;
    setBusy(true);
    setError(null);
    try {
      const value = await fn();
      const text = done?.(value);
      if (typeof text === 'string') setNotice(text);
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, notice, run, setError };
}

/** A moment of the day as the console shows it, in Vietnam's time: "14:05 27/11/2026" (never a two-digit year). */
export function formatMoment(iso: string): string {
  return formatVietnamMoment(iso);
}

/**
 * Something shown only while the operator asks (the laptop may be mirrored on the projector):
 * hidden at first, and hidden again when the browser tab is left. Leaving the console tab
 * unmounts the part, which hides it too.
 */
export function useReveal(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const left = () => {
      if (document.visibilityState === 'hidden') setShown(false);
    };
    document.addEventListener('visibilitychange', left);
    return () => document.removeEventListener('visibilitychange', left);
  }, []);
  return [shown, setShown];
}

/** Copy to the clipboard; over the LAN (no secure context) through a selected, unseen textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext !== false) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission): try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * A link with a copy button and an "open" button (the display link, the list of tracking codes).
 * A `secret` link (the display link carries its key) shows only its address and path until
 * "Hiện" is pressed; copying and opening work while it is hidden.
 */
export function LinkRow({ url, openLabel, testId, secret = false }: { url: string; openLabel: string; testId: string; secret?: boolean }) {
  const [copied, setCopied] = useState(false);
  const [shown, setShown] = useReveal();
  const hidden = secret && !shown;
  const [visible, key] = url.includes('#') ? [url.slice(0, url.indexOf('#') + 1), url.slice(url.indexOf('#') + 1)] : [url, ''];
  return (
    <div class="stack">
      <div class="row link-row">
        <code class="url" data-testid={testId} data-hidden={hidden ? 'true' : undefined}>
          {hidden ? (
            <>
              {visible}
              {/* A span has no name of its own (aria-label is not allowed there): the dots are shown, the words read. */}
              <span class="masked" aria-hidden="true">
                {'•'.repeat(Math.min(12, key.length || 12))}
              </span>
              <span class="sr-only">{t('linkKeyHidden')}</span>
            </>
          ) : (
            url
          )}
        </code>
        {secret && (
          <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {shown ? t('hide') : t('show')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            void copyText(url).then(setCopied);
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <a class="button" href={url} target="_blank" rel="noopener noreferrer">
          {openLabel}
        </a>
      </div>
      {secret && <p class="hint">{t('linkHiddenHint')}</p>}
    </div>
  );
}
