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
  id: number;
  resolve: (ok: boolean) => void;
}

const pending = signal<Pending | null>(null);
let nextId = 0;

export function ask(request: ConfirmRequest): Promise<boolean> {
  pending.peek()?.resolve(false);
  return new Promise((resolve) => {
    pending.value = { ...request, id: ++nextId, resolve };
  });
}

export function ConfirmHost() {
  const current = pending.value;
  // Keyed per request, so the tick box of one question never carries over to the next.
  return current ? <ConfirmModal key={current.id} request={current} /> : null;
}

function ConfirmModal({ request }: { request: Pending }) {
  const [ticked, setTicked] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const finish = (ok: boolean) => {
    if (pending.peek() === request) pending.value = null;
    request.resolve(ok);
  };
  return (
    <div class="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && finish(false)}>
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-message">
        <p id="confirm-message">{request.message}</p>
        {request.requireTick && (
          <label class="tick">
            <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.currentTarget.checked)} />
            {request.requireTick}
          </label>
        )}
        <div class="actions">
          <button type="button" onClick={() => finish(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            ref={confirmRef}
            class={request.danger ? 'danger' : 'primary'}
            disabled={request.requireTick !== undefined && !ticked}
            onClick={() => finish(true)}
          >
            {t('confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
