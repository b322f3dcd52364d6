/** The root page `/`: one field for the code printed on the slip, for phones that cannot scan. */
import { useState } from 'preact/hooks';
import { errorMessage, type ErrorCode, type Lang } from '../../shared/errors';
import type { BallotStrings } from '../../shared/i18n/ballot';
import { parseSlipCode, slipPath } from '../../shared/slip-code';
import { Heading } from './heading';

export function CodeEntry({ t, lang, navigate }: { t: BallotStrings; lang: Lang; navigate: (path: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const onSubmit = (ev: Event) => {
    ev.preventDefault();
    const slip = parseSlipCode(code);
    if (!slip) return setError('slip-code-format');
    setError(null);
    // The ballot page moves the secret into the phone's storage and off the address bar.
    navigate(slipPath(slip.id, slip.secret));
  };
  return (
    <main class="screen">
      <Heading focus={false}>{t.entryTitle}</Heading>
      <form class="entry" onSubmit={onSubmit} noValidate>
        <label for="slip-code">{t.entryLabel}</label>
        <p id="slip-code-hint" class="muted">
          {t.entryHint}
        </p>
        <input
          id="slip-code"
          class="code"
          value={code}
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellcheck={false}
          maxLength={24}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'slip-code-hint slip-code-error' : 'slip-code-hint'}
          placeholder="XXXX-XXXXXXX"
        />
        {error && (
          <p id="slip-code-error" class="error-text" role="alert">
            {errorMessage(error, lang)}
          </p>
        )}
        <button type="submit" class="primary">
          {t.entrySubmit}
        </button>
      </form>
      <p class="muted">{t.entryScanHint}</p>
    </main>
  );
}
