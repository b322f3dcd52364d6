/**
 * What the minutes say about the phone ballot box (hòm phiếu điện tử): when it was sealed,
 * to how many members and how many of them opened it, how many ballots it held, how many
 * could not be read, and its fingerprint, so anyone can compare the paper record with the
 * published list of tracking codes (`/r/<session>`). Or that the box was not sealed.
 */
import type { Kysely } from 'kysely';
import { formatCount } from '../../shared/format';
import type { Database } from '../db/schema';
import type { AuditRow } from './audit';
import { listHolders } from './box';
import { vietnamTime } from './minutes-times';
import type { SessionRecord } from './sessions';

/** The facts the minutes print, gathered once (see `loadBoxFacts`). */
export interface BoxFacts {
  sealed: boolean;
  sealedAt: string | null;
  openedAt: string | null;
  /** k: members needed to open. */
  threshold: number | null;
  /** n: members the key was shared among. */
  holders: number;
  /** Who presented the opening shares, as the `box.opened` audit row names them. */
  openedBy: string | null;
  /** Phone ballots collected (in the box). */
  phoneBallots: number;
  /** Phone ballots that did not open or were not well formed (counted as spoilt). */
  spoilt: number | null;
  fingerprint: string | null;
}

export interface MinutesBox {
  /** One sentence: how the box was sealed and opened, or that it was not sealed. */
  statement: string;
  /** Counts and the fingerprint (`code`: printed to be read symbol by symbol); none for an unsealed box. */
  facts: { label: string; value: string; code?: true }[];
}

export function minutesBox(facts: BoxFacts): MinutesBox {
  if (!facts.sealed) {
    return { statement: 'Hòm phiếu điện tử không niêm phong (lựa chọn của Ban tổ chức trước khi mở bỏ phiếu).', facts: [] };
  }
  const sealed = facts.sealedAt ? ` lúc ${vietnamTime(facts.sealedAt)} (giờ Việt Nam)` : '';
  const shared = `khóa chia cho ${formatCount(facts.holders)} thành viên Ban kiểm phiếu, cần ${formatCount(facts.threshold ?? 0)} thành viên để mở`;
  const opened = facts.openedAt
    ? `được mở lúc ${vietnamTime(facts.openedAt)}${facts.openedBy ? ` bởi ${facts.openedBy}` : ''}`
    : 'chưa được mở';
  const out: MinutesBox = { statement: `Hòm phiếu điện tử được niêm phong${sealed}, ${shared}; ${opened}.`, facts: [] };
  if (facts.openedAt) {
    out.facts.push(
      { label: 'Số phiếu điện thoại trong hòm', value: formatCount(facts.phoneBallots) },
      { label: 'Số phiếu điện tử không mở được hoặc không hợp lệ (tính như phiếu hỏng)', value: formatCount(facts.spoilt ?? 0) },
    );
    if (facts.fingerprint) out.facts.push({ label: 'Dấu vân tay hòm phiếu', value: facts.fingerprint, code: true });
  }
  return out;
}

/** The box's facts for the minutes, from the session, its holders and its audit log. */
export async function loadBoxFacts(db: Kysely<Database>, session: SessionRecord, phoneBallots: number, auditRows: AuditRow[]): Promise<BoxFacts> {
  const openedRow = auditRows.findLast((r) => r.event === 'box.opened');
  const openedBy = typeof openedRow?.detail.holders === 'string' && openedRow.detail.holders.trim() !== '' ? openedRow.detail.holders : null;
  return {
    sealed: session.sealed,
    sealedAt: session.box.sealedAt,
    openedAt: session.box.openedAt,
    threshold: session.box.threshold,
    holders: session.sealed ? (await listHolders(db, session.id)).length : 0,
    openedBy,
    phoneBallots,
    spoilt: session.box.spoilt,
    fingerprint: session.box.fingerprint,
  };
}
