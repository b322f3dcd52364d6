import type { Kysely } from 'kysely';
import type { AuditRow } from '../../shared/api-types';
import type { Database } from '../db/schema';
import { nowIso } from './ids';

/** Events the audit log knows. Never one per phone ballot: that would time-stamp votes. */
export type AuditEvent =
  | 'session.created'
  | 'session.updated'
  | 'preset.changed'
  | 'session.duplicated'
  | 'session.deleted'
  | 'persons.changed'
  | 'committee.changed'
  | 'slips.issued'
  | 'slips.printed'
  | 'slips.voided'
  | 'session.opened'
  | 'quorum.override'
  | 'session.closed'
  | 'paper.keyed'
  | 'paper.discarded'
  | 'results.published'
  | 'live-results.changed'
  | 'box.sealed-chosen'
  | 'box.unsealed-chosen'
  | 'box.sealed'
  | 'box.opened'
  | 'traces.pending'
  | 'traces.scrubbed'
  | 'admin.login'
  | 'admin.logout';

export interface AuditEntry {
  sessionId: string | null;
  actor: string;
  event: AuditEvent;
  /** Counts and names only: never ballot contents, tokens or slip secrets. */
  detail?: Record<string, unknown>;
}

export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      session_id: entry.sessionId,
      at: nowIso(),
      actor: entry.actor,
      event: entry.event,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export type { AuditRow } from '../../shared/api-types';

export async function listAudit(db: Kysely<Database>, sessionId: string): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'event', 'detail'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
