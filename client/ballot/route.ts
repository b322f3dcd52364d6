/** Which page the address asks for: the typed-code entry at `/`, or a slip at `/b/<id>#<secret>`. */
import type { ErrorCode } from '../../shared/errors';
import { isSlipId, parseSlipCode } from '../../shared/slip-code';
import { createSocket, type Link, type SocketEvents } from '../socket';
import { BallotController } from './controller';
import type { KeyValue } from './slip-store';

export type Route =
  | { kind: 'entry' }
  | { kind: 'slip'; slipId: string; controller: BallotController }
  | { kind: 'bad-link'; code: ErrorCode };

export function routeFor(
  location: { pathname: string; hash: string; origin: string },
  storage: KeyValue,
  link: (events: SocketEvents) => Link = (events) => createSocket({ origin: location.origin, httpAfter: 3, ...events }),
): Route {
  const m = /^\/b\/([^/]+)\/?$/.exec(location.pathname);
  if (!m) return { kind: 'entry' };
  const rawId = decodeURIComponent(m[1]!);
  const hash = location.hash.replace(/^#/, '');
  let slipId = rawId.toUpperCase();
  let secret: string | null = null;
  if (hash) {
    // Read the pair as the typed code is read, so a hand-copied link still works.
    const parsed = parseSlipCode(rawId + hash);
    if (!parsed) return { kind: 'bad-link', code: 'slip-unknown' };
    ({ id: slipId, secret } = parsed);
  } else if (!isSlipId(slipId)) {
    return { kind: 'bad-link', code: 'slip-unknown' };
  }
  return { kind: 'slip', slipId, controller: new BallotController({ slipId, secret, storage, link }) };
}
