/**
 * The minutes of the count (biên bản kiểm phiếu) as text, before any layout: the PDF and
 * the A4 print page both render this one model, so they cannot disagree. The minutes are
 * an official document and are written in Vietnamese only.
 */
import type { Kysely } from 'kysely';
import { formatCount, formatPercent, formatPlaceDate, formatVietnamMoment } from '../../shared/format';
import { customisedNote } from '../../shared/preset-describe';
import { presetCustomised } from '../../shared/preset-validate';
import { type Preset } from '../../shared/presets';
import type { ResultsFile } from '../../shared/results-file';
import type { Database } from '../db/schema';
import { auditActorText, auditDetailText, auditEventText } from '../../shared/i18n/audit';
import { listAudit, type AuditRow } from './audit';
import { buildResultsFile } from './exports';
import { loadBoxFacts, minutesBox, type BoxFacts, type MinutesBox } from './minutes-box';
import { vietnamClock } from './minutes-times';
import { getSession } from './sessions';
import { TERMS } from '../../shared/i18n/terms';

export interface CommitteeMember {
  fullName: string;
  role: string;
}

export interface MinutesTableRow {
  order: string;
  fullName: string;
  position: string;
  valid: string;
  invalid: string;
  /** Per level, in the preset's order: count and percentage. */
  levels: { count: string; percent: string }[];
}

/** One signature block: the member's title in capitals, room to sign, the name (blank to write by hand). */
export interface MinutesSignature {
  title: string;
  name: string;
}

export interface MinutesModel {
  /**
   * Set while results are unpublished: every page carries the mark, so a copy printed to
   * check the figures is never taken for the signed record.
   */
  draft: { mark: string; note: string } | null;
  /** Top left: the organisation and the tally committee, in capitals. */
  issuer: string[];
  /** Top right: the national or Party header, and the motto under the state header. */
  header: string;
  motto: string | null;
  /** "Huế, ngày 27 tháng 11 năm 2026": the locality, not the venue (which is in `intro`). */
  placeDate: string;
  title: string;
  subtitle: string[];
  intro: string;
  /** When voting opened and closed, from the session's own record, in Vietnam's time. */
  times: { label: string; value: string }[];
  committeeHeading: string;
  committee: { fullName: string; role: string }[];
  /** The phone ballot box: sealed and opened by whom, its counts and fingerprint; or unsealed. */
  box: MinutesBox;
  counts: { label: string; value: string }[];
  resultsHeading: string;
  levelLabels: string[];
  rows: MinutesTableRow[];
  /** "Tỉ lệ phần trăm tính trên tổng số phiếu thu về (48 phiếu)." */
  baseNote: string;
  thresholdsHeading: string;
  thresholds: string[];
  closing: string;
  /** One block per member: Trưởng ban first, then the others in the committee's order. */
  signatures: MinutesSignature[];
  /** The audit log of the session, exported with the minutes (counts only, never ballots). */
  appendix: { heading: string; note: string; rows: { at: string; actor: string; event: string; detail: string }[] };
}

/** One audit row in Vietnamese, in the words the console's Log tab uses (shared/i18n/audit.ts), at Vietnam's time. */
export function auditAppendixRow(row: AuditRow): MinutesModel['appendix']['rows'][number] {
  return {
    at: formatVietnamMoment(row.at, { seconds: true }),
    actor: auditActorText(row.actor, 'vi'),
    event: auditEventText(row.event, 'vi'),
    detail: auditDetailText(row.event, row.detail, 'vi'),
  };
}

/** "head", "chair" and the Vietnamese word all print as "Trưởng ban"; anything else as the committee wrote it. */
export function roleLabel(role: string): string {
  const r = role.normalize('NFC').trim().toLowerCase();
  if (['head', 'chair', 'chairman', 'trưởng ban', 'truong-ban', 'truong ban'].includes(r)) return 'Trưởng ban';
  if (['member', 'ủy viên', 'uỷ viên', 'uy-vien', 'uy vien', ''].includes(r)) return 'Ủy viên';
  if (['deputy', 'phó trưởng ban', 'pho-truong-ban'].includes(r)) return 'Phó Trưởng ban';
  if (['secretary', 'thư ký', 'thu-ky'].includes(r)) return 'Thư ký';
  return role.trim();
}

export async function loadCommittee(db: Kysely<Database>, sessionId: string): Promise<CommitteeMember[]> {
  const rows = await db
    .selectFrom('committee_members')
    .select(['full_name', 'role'])
    .where('session_id', '=', sessionId)
    .orderBy('member_order')
    .execute();
  return rows.map((r) => ({ fullName: r.full_name, role: roleLabel(r.role) }));
}

const LOCALITY_BLANK = '…………………';

const DRAFT = {
  mark: 'DỰ THẢO',
  note: 'Bản dự thảo: kết quả chưa công bố. Bản để ký được in sau khi công bố kết quả.',
};

/**
 * Trưởng ban first, then every other member in the committee's order, each with a block of
 * their own. With no committee entered, blank blocks of a committee of three, to fill by hand.
 */
export function signatureBlocks(committee: CommitteeMember[]): MinutesSignature[] {
  if (committee.length === 0) return ['Trưởng ban', 'Ủy viên', 'Ủy viên'].map((role) => ({ title: role.toLocaleUpperCase('vi'), name: '' }));
  const heads = committee.filter((m) => m.role === 'Trưởng ban');
  const others = committee.filter((m) => m.role !== 'Trưởng ban');
  return [...heads, ...others].map((m) => ({ title: m.role.toLocaleUpperCase('vi'), name: m.fullName }));
}

function baseNote(file: ResultsFile): string {
  const { results } = file;
  const label = results.base.label.vi;
  if (results.base.id === 'valid') return `Tỉ lệ phần trăm tính trên ${label} của từng người.`;
  const value = results.persons[0]?.base ?? (results.base.id === 'summoned' ? results.summoned : results.collected.total);
  const unit = results.base.id === 'summoned' ? 'người' : 'phiếu';
  return `Tỉ lệ phần trăm tính trên ${label} (${formatCount(value)} ${unit}).`;
}

/** Build the minutes from the results file, the preset, the committee and the phone box. */
export function minutesModel(
  file: ResultsFile,
  preset: Preset,
  committee: CommitteeMember[],
  box: BoxFacts,
  auditRows: AuditRow[] = [],
): MinutesModel {
  const { session, results } = file;
  // No locality given: a dotted space to write it in by hand, never the venue.
  const placeDate = formatPlaceDate(session.locality?.trim() || LOCALITY_BLANK, session.heldOn);
  const isState = preset.header.vi.startsWith('CỘNG HÒA');
  const dateOnly = formatPlaceDate('', session.heldOn);
  const n = (v: number) => formatCount(v);
  const apart = (t: { phone: number; paper: number }) => `phiếu điện tử: ${n(t.phone)}; phiếu giấy: ${n(t.paper)}`;
  const quorum = results.quorumMet
    ? 'đủ số lượng theo quy định'
    : 'chưa đủ số lượng theo quy định; việc lấy phiếu được tiến hành theo xác nhận của Ban tổ chức';
  const when = (iso: string | null) => (iso ? vietnamClock(iso) : '(không ghi nhận)');

  return {
    draft: session.publishedAt === null ? DRAFT : null,
    issuer: [session.organisation.toLocaleUpperCase('vi'), 'BAN KIỂM PHIẾU'].filter((s) => s.trim() !== ''),
    header: preset.header.vi,
    motto: isState ? 'Độc lập - Tự do - Hạnh phúc' : null,
    placeDate,
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subtitle: [preset.rule.vi, session.title],
    intro: `Hôm nay, ${dateOnly}${session.place ? `, tại ${session.place}` : ''}, Ban kiểm phiếu${session.organisation ? ` ${session.organisation}` : ''} đã tiến hành kiểm phiếu ${preset.kind === 'bo-phieu' ? 'bỏ phiếu tín nhiệm' : 'lấy phiếu tín nhiệm'}.`,
    times: [
      { label: 'Thời gian bắt đầu bỏ phiếu', value: when(session.openedAt) },
      { label: 'Thời gian kết thúc bỏ phiếu', value: when(session.closedAt) },
    ],
    committeeHeading: 'Ban kiểm phiếu gồm:',
    committee,
    box: minutesBox(box),
    counts: [
      { label: TERMS.vi.summoned, value: n(results.summoned) },
      { label: TERMS.vi.present, value: `${n(results.present)} (${quorum})` },
      { label: TERMS.vi.issued, value: `${n(results.issued.total)} (${apart(results.issued)})` },
      { label: TERMS.vi.collected, value: `${n(results.collected.total)} (${apart(results.collected)})` },
      // Not a refusal: the ballots count, and the committee must explain the difference.
      ...(results.collected.total > results.present
        ? [{ label: 'Lưu ý', value: `Số phiếu thu về (${n(results.collected.total)}) nhiều hơn số người có mặt (${n(results.present)}); Ban kiểm phiếu cần giải trình.` }]
        : []),
    ],
    resultsHeading: 'Kết quả kiểm phiếu như sau:',
    levelLabels: preset.levels.map((l) => l.label.vi),
    rows: results.persons.map((p) => ({
      order: String(p.order),
      fullName: p.fullName,
      position: p.position,
      valid: n(p.valid),
      invalid: n(p.invalid),
      levels: preset.levels.map((l) => ({ count: n(p.counts[l.id] ?? 0), percent: formatPercent(p.percents[l.id] ?? null) })),
    })),
    // An edited preset says so, with the thresholds it applied (Ban tổ chức's edits stay on the record).
    baseNote: presetCustomised(preset) ? `${baseNote(file)}\n${customisedNote(preset, 'vi')}` : baseNote(file),
    thresholdsHeading: 'Người có kết quả đến ngưỡng theo quy định:',
    thresholds: results.persons.flatMap((p) =>
      p.thresholds.map((t) => `${p.order}. ${p.fullName}: ${t.label.vi}. ${t.consequence.vi}`),
    ),
    closing: 'Biên bản được lập xong và thông qua trước hội nghị; Ban kiểm phiếu cùng ký tên dưới đây.',
    signatures: signatureBlocks(committee),
    appendix: {
      heading: 'PHỤ LỤC: NHẬT KÝ CUỘC LẤY PHIẾU',
      note: 'Các thao tác của Ban tổ chức và Ban kiểm phiếu, theo giờ Việt Nam. Nhật ký không ghi từng phiếu điện thoại, nội dung phiếu hay mã phiếu đã dùng.',
      rows: auditRows.map(auditAppendixRow),
    },
  };
}

/** The minutes of a closed session, read from the database. */
export async function loadMinutesModel(db: Kysely<Database>, sessionId: string): Promise<MinutesModel> {
  const session = await getSession(db, sessionId);
  const file = await buildResultsFile(db, sessionId);
  const auditRows = await listAudit(db, sessionId);
  const box = await loadBoxFacts(db, session, file.results.collected.phone, auditRows);
  return minutesModel(file, session.preset, await loadCommittee(db, sessionId), box, auditRows);
}
