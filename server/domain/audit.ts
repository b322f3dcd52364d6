import type { Kysely } from 'kysely';
import type { AuditRow } from '../../shared/api-types';
import type { AuditDetail, AuditEvent } from '../../shared/i18n/audit';
import type { Database } from '../db/schema';
import { nowIso } from './ids';

/**
 * Events and detail keys the audit log knows: those with words in shared/i18n/audit.ts, so
 * the console and the minutes never print a raw key. Never one event per phone ballot: that
 * would time-stamp votes.
 */
export type { AuditEvent } from '../../shared/i18n/audit';

export interface AuditEntry {
  sessionId: string | null;
  actor: string;
  event: AuditEvent;
  /** Counts and names only: never ballot contents, tokens or slip secrets. */
  detail?: AuditDetail;
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
