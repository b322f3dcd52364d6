/**
 * The cast frame's check, written out for the hot path: exactly what `CastSchema`
 * (shared/protocol-schemas.ts) accepts, without a general-purpose schema walk. TypeBox counts
 * the code points of every string it checks for length, 779 of them in a sealed ballot, on
 * every cast; here the fields the schema restricts to ASCII are measured by `.length`, which
 * is their code-point count once their pattern has matched. cast-message.test.ts holds the
 * two to the same answers.
 */
import { AUTH_TEXT_LENGTH, SEALED_TEXT_LENGTH } from '../../shared/box';
import type { CastMessage } from '../../shared/protocol';

const SLIP_ID = /^[0-9A-HJKMNP-TV-Z]{4}$/;
const B64U = /^[A-Za-z0-9_-]+$/;
const MAX_RID = 40;
const MAX_NONCE = 64;
const FIELDS: ReadonlySet<string> = new Set(['type', 'rid', 'slipId', 'nonce', 'sealed', 'auth']);

/** At most `max` code points (a UTF-16 surrogate pair is one). */
function withinCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return true;
  if (text.length > 2 * max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

function b64u(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max && B64U.test(value);
}

/** Whether a parsed JSON object is a valid `cast` message (as `CastSchema` says). */
export function isCastMessage(value: Record<string, unknown>): value is Record<string, unknown> & CastMessage {
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) return false;
  if (value.type !== 'cast') return false;
  if (Object.hasOwn(value, 'rid') && (typeof value.rid !== 'string' || !withinCodePoints(value.rid, MAX_RID))) return false;
  return (
    typeof value.slipId === 'string' &&
    SLIP_ID.test(value.slipId) &&
    b64u(value.nonce, 1, MAX_NONCE) &&
    b64u(value.sealed, SEALED_TEXT_LENGTH, SEALED_TEXT_LENGTH) &&
    b64u(value.auth, AUTH_TEXT_LENGTH, AUTH_TEXT_LENGTH)
  );
}
