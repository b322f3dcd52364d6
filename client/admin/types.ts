/** Shapes of what the console reads from /api/admin (see docs/api-console.md). */
import type { RouteAnswer } from '../../shared/api-contract';
import type { SessionInput as SharedSessionInput } from '../../shared/api-types';

export interface Person {
  id?: string;
  fullName: string;
  position: string;
}

import type { SessionDetail } from '../../shared/api-types';
export type { AuditRow, SessionDetail, SessionSummary, SlipRecord as Slip } from '../../shared/api-types';

/** The addresses phones can reach this laptop at. */
export type Network = RouteAnswer<'GET /api/admin/network'>;
/** Paper ballots handed out, recorded, and first keyings waiting for their second. */
export type PaperStatus = RouteAnswer<'GET /api/admin/sessions/:id/paper'>;

export type SessionInput = Required<SharedSessionInput>;

/** What every tab of a vote is given: the session as last loaded, and how to load it again. */
export interface TabProps {
  session: SessionDetail;
  reload: () => Promise<void>;
}
