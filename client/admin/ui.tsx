/** Small shared pieces: load data, run an action (asking first), show its error or result. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage, type ErrorCode } from '../../shared/errors';
import { api, errorCode } from './api';
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

/** GET `path` on mount and whenever `reload()` is called. */
export function useLoad<T>(path: string): { data: T | null; error: ErrorCode | null; reload: () => Promise<void> } {
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

/** A moment of the day as the console shows it: "14:05 27/11/2026" (never a two-digit year). */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** A link shown in full, with a copy button and an "open" button (the display link, the list of tracking codes). */
export function LinkRow({ url, openLabel, testId }: { url: string; openLabel: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="row">
      <code class="url" data-testid={testId}>
        {url}
      </code>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
      <a class="button" href={url} target="_blank" rel="noopener noreferrer">
        {openLabel}
      </a>
    </div>
  );
}
