/**
 * The admin routes' input schemas now live in the HTTP contract (shared/api-contract.ts);
 * re-exported here until the last route file registers through it.
 */
import type { Static } from 'typebox';
import { SessionIdParams } from '../../shared/api-contract';

export { MAX_TEXT_CARRIED, PersonsBody, SessionBody, SessionIdParams, SessionPatch } from '../../shared/api-contract';
export type SessionIdParams = Static<typeof SessionIdParams>;
