/**
 * Every action that changes the record asks first. `ask()` opens one modal and resolves
 * true only when the operator confirms (and ticks the box, when one is required).
 */
import { signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './state';

export interface ConfirmRequest {
  message: string;
  /** A box the operator must tick before confirming, e.g. a quorum override. */
  requireTick?: string;
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void;
}

const pending = signal<Pending | null>(null);

export function ask(request: ConfirmRequest): Promise<boolean> {
  pending.peek()?.resolve(false);
  return new Promise((resolve) => {
    pending.value = { ...request, resolve };
  });
}

export function ConfirmHost() {
  const current = pending.value;
  const [ticked, setTicked] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setTicked(false);
    if (current) confirmRef.current?.focus();
  }, [current]);
  if (!current) return null;
  const finish = (ok: boolean) => {
    pending.value = null;
    current.resolve(ok);
  };
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && finish(false)}>
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-message">
        <p id="confirm-message">{current.message}</p>
        {current.requireTick && (
          <label class="tick">
            <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.currentTarget.checked)} />
            {current.requireTick}
          </label>
        )}
        <div class="actions">
          <button type="button" onClick={() => finish(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            ref={confirmRef}
            class={current.danger ? 'danger' : 'primary'}
            disabled={current.requireTick !== undefined && !ticked}
            onClick={() => finish(true)}
          >
            {t('confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
