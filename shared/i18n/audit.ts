/**
 * The audit log in words, Vietnamese first: event names, detail keys and the values the
 * server records in English (why entries were discarded, what was printed, how people were
 * imported, which fields changed). The console's Log tab and the minutes' appendix both
 * print a row through `auditEventText` and `auditDetailText`, so they cannot disagree.
 *
 * The set of events is the keys of `AUDIT_EVENT_TEXT` and the set of detail keys the keys of
 * `AUDIT_DETAIL_TEXT`: the server's `audit()` takes only those, so an event or a detail
 * without words here does not compile.
 */
import type { Lang } from '../errors';
import { formatCount } from '../format';
import { BASE_LABELS, findPreset } from '../presets';

type T = { vi: string; en: string };

/** Names of audit events. Never one per phone ballot: that would time-stamp votes. */
export const AUDIT_EVENT_TEXT = {
  'session.created': { vi: 'Tạo cuộc lấy phiếu', en: 'Vote created' },
  'session.updated': { vi: 'Sửa thông tin', en: 'Details changed' },
  'preset.changed': { vi: 'Điều chỉnh quy định áp dụng', en: 'Rules adjusted' },
  'session.duplicated': { vi: 'Tạo từ bản sao', en: 'Created as a copy' },
  'session.deleted': { vi: 'Xóa bản nháp', en: 'Draft deleted' },
  'persons.changed': { vi: 'Sửa danh sách người được lấy phiếu', en: 'People rated changed' },
  'committee.changed': { vi: 'Sửa Ban kiểm phiếu', en: 'Tally committee changed' },
  'slips.issued': { vi: 'Phát hành phiếu', en: 'Slips issued' },
  'slips.printed': { vi: 'In phiếu', en: 'Slips printed' },
  'slips.voided': { vi: 'Hủy phiếu', en: 'Slips voided' },
  'session.opened': { vi: 'Mở bỏ phiếu', en: 'Voting opened' },
  'quorum.override': { vi: 'Mở khi chưa đủ số lượng', en: 'Quorum override' },
  'session.closed': { vi: 'Kết thúc bỏ phiếu', en: 'Voting closed' },
  'paper.keyed': { vi: 'Ghi phiếu giấy', en: 'Paper ballot recorded' },
  'paper.discarded': { vi: 'Hủy lần nhập phiếu giấy', en: 'Paper entries discarded' },
  'results.published': { vi: 'Công bố kết quả', en: 'Results published' },
  'live-results.changed': { vi: 'Đổi hiển thị kết quả trực tiếp', en: 'Live results changed' },
  'box.sealed-chosen': { vi: 'Chọn hòm phiếu điện tử niêm phong', en: 'Sealed phone box chosen' },
  'box.unsealed-chosen': { vi: 'Chọn hòm phiếu điện tử không niêm phong', en: 'Unsealed phone box chosen' },
  'box.sealed': { vi: 'Niêm phong hòm phiếu điện tử', en: 'Phone ballot box sealed' },
  'box.opened': { vi: 'Mở hòm phiếu điện tử', en: 'Phone ballot box opened' },
  'traces.pending': { vi: 'Chưa dọn được nhật ký ghi của tệp dữ liệu', en: 'Data file log not yet cleaned' },
  'traces.scrubbed': { vi: 'Đã dọn nhật ký ghi của tệp dữ liệu', en: 'Data file log cleaned' },
  'admin.login': { vi: 'Đăng nhập bàn thư ký', en: 'Console login' },
  'admin.logout': { vi: 'Đăng xuất bàn thư ký', en: 'Console logout' },
  'admin.lan-enabled': { vi: 'Máy chủ khởi động cho phép máy khác dùng bảng điều khiển (ADMIN_LAN=1)', en: 'Server started letting other devices use the console (ADMIN_LAN=1)' },
} satisfies Record<string, T>;

/** An event the audit log knows. */
export type AuditEvent = keyof typeof AUDIT_EVENT_TEXT;
export const AUDIT_EVENTS = Object.keys(AUDIT_EVENT_TEXT) as AuditEvent[];

/** Names of the details an audit row may carry (counts and names only, never ballots or codes). */
export const AUDIT_DETAIL_TEXT = {
  count: { vi: 'số lượng', en: 'count' },
  presetId: { vi: 'quy định', en: 'rules' },
  fields: { vi: 'mục', en: 'fields' },
  summoned: { vi: 'số người được triệu tập', en: 'summoned' },
  present: { vi: 'số người có mặt', en: 'present' },
  collected: { vi: 'phiếu thu về', en: 'ballots collected' },
  issued: { vi: 'phiếu phát ra', en: 'ballots handed out' },
  enabled: { vi: 'bật', en: 'on' },
  override: { vi: 'xác nhận riêng', en: 'explicit override' },
  unused: { vi: 'mọi phiếu chưa dùng', en: 'every unused slip' },
  slipId: { vi: 'phiếu', en: 'slip' },
  thresholds: { vi: 'ngưỡng', en: 'thresholds' },
  quorum: { vi: 'tỉ lệ có mặt tối thiểu', en: 'quorum' },
  base: { vi: 'cơ sở tính tỉ lệ', en: 'base of percentages' },
  address: { vi: 'điện thoại xưng hô', en: 'phones address voters as' },
  reset: { vi: 'khôi phục mặc định', en: 'default restored' },
  from: { vi: 'sao từ cuộc lấy phiếu', en: 'copied from vote' },
  sessionId: { vi: 'cuộc lấy phiếu', en: 'vote' },
  title: { vi: 'tên', en: 'title' },
  paperIssued: { vi: 'phiếu giấy đã phát', en: 'paper ballots handed out' },
  paperCollected: { vi: 'phiếu giấy đã thu về', en: 'paper ballots collected' },
  reason: { vi: 'lý do', en: 'reason' },
  format: { vi: 'dạng', en: 'format' },
  which: { vi: 'phiếu in', en: 'slips printed' },
  imported: { vi: 'số người nhập từ tệp', en: 'imported from a file' },
  mode: { vi: 'cách nhập', en: 'import' },
  threshold: { vi: 'số mảnh khóa cần để mở', en: 'shares needed to open' },
  holders: { vi: 'người giữ mảnh khóa', en: 'share holders' },
  resealed: { vi: 'niêm phong lại', en: 'sealed again' },
  phoneBallots: { vi: 'phiếu điện thoại trong hòm', en: 'phone ballots in the box' },
  spoilt: { vi: 'phiếu không mở được hoặc không hợp lệ', en: 'spoilt (not opened or invalid)' },
} satisfies Record<string, T>;

/** A detail key the audit log knows. */
export type AuditDetailKey = keyof typeof AUDIT_DETAIL_TEXT;
/** What `audit()` may record. */
export type AuditDetail = { [K in AuditDetailKey]?: unknown };

/** Where one event means something else by a key: at opening, `holders` are those who presented a share. */
const EVENT_DETAIL_TEXT: Partial<Record<AuditEvent, Partial<Record<AuditDetailKey, T>>>> = {
  'box.opened': { holders: { vi: 'người xuất trình mảnh khóa', en: 'shares presented by' } },
};

/** Session fields, as session.updated lists the ones changed. */
const FIELD_TEXT: Record<string, T> = {
  title: { vi: 'tên', en: 'title' },
  organisation: { vi: 'cơ quan, tổ chức', en: 'organisation' },
  place: { vi: 'địa điểm', en: 'place' },
  locality: { vi: 'địa danh', en: 'locality' },
  heldOn: { vi: 'ngày', en: 'date' },
  presetId: { vi: 'quy định', en: 'rules' },
  base: { vi: 'cơ sở tính tỉ lệ', en: 'base of percentages' },
  summoned: { vi: 'số người được triệu tập', en: 'number summoned' },
  present: { vi: 'số người có mặt', en: 'number present' },
  paperIssued: { vi: 'số phiếu giấy đã phát', en: 'paper ballots handed out' },
};

/** Values the server records in English words, per detail key. */
const VALUE_TEXT: Partial<Record<AuditDetailKey, Record<string, T>>> = {
  fields: FIELD_TEXT,
  reason: {
    mismatch: { vi: 'hai lần nhập không khớp', en: 'the two entries differed' },
    withdrawn: { vi: 'rút lần nhập', en: 'entry withdrawn' },
  },
  format: {
    html: { vi: 'trang in', en: 'print page' },
    pdf: { vi: 'PDF', en: 'PDF' },
  },
  which: {
    unused: { vi: 'mọi phiếu chưa dùng', en: 'all unused' },
    unprinted: { vi: 'phiếu chưa in', en: 'not yet printed' },
  },
  address: {
    'dong-chi': { vi: 'đồng chí', en: '“đồng chí”' },
    'dai-bieu': { vi: 'đại biểu', en: '“đại biểu”' },
  },
  mode: {
    append: { vi: 'thêm vào danh sách', en: 'added to the list' },
    replace: { vi: 'thay cả danh sách', en: 'replaced the list' },
  },
};

export const AUDIT_BOOLEAN_TEXT: Record<'true' | 'false', T> = {
  true: { vi: 'có', en: 'yes' },
  false: { vi: 'không', en: 'no' },
};

/** The actors recorded without a person's name: a request with no logged-in name, the server itself. */
const NAMELESS_ACTOR: Record<string, T> = {
  secretariat: { vi: 'Bàn thư ký', en: 'Secretariat' },
  server: { vi: 'Máy chủ', en: 'Server' },
};

/** `table[key]` when `key` is the table's own (never "constructor" or "toString"). */
function own<V>(table: { [key: string]: V | undefined }, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The name of an event; an unknown one (from a newer build) prints as stored. */
export function auditEventText(event: string, lang: Lang): string {
  return own<T>(AUDIT_EVENT_TEXT, event)?.[lang] ?? event;
}

/** The person recorded; names print as typed. */
export function auditActorText(actor: string, lang: Lang): string {
  return own(NAMELESS_ACTOR, actor)?.[lang] ?? actor;
}

function keyText(event: string, key: string, lang: Lang): string {
  const special = own(EVENT_DETAIL_TEXT, event);
  return (special && own<T>(special, key)?.[lang]) ?? own<T>(AUDIT_DETAIL_TEXT, key)?.[lang] ?? key;
}

/** One value in words; names, titles and thresholds print as recorded. */
function valueText(key: string, v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return AUDIT_BOOLEAN_TEXT[`${v}`][lang];
  if (typeof v === 'number') return formatCount(v, lang);
  if (Array.isArray(v)) return v.map((item) => valueText(key, item, lang)).join(', ');
  if (typeof v !== 'string') return JSON.stringify(v);
  if (key === 'presetId') return findPreset(v)?.name[lang] ?? v;
  if (key === 'base') return own<T>(BASE_LABELS, v)?.[lang] ?? v;
  const words = own(VALUE_TEXT, key);
  return (words && own(words, v)?.[lang]) ?? v;
}

/** The details of one row: "số lượng: 5; số người nhập từ tệp: 2; cách nhập: thêm vào danh sách". */
export function auditDetailText(event: string, detail: Record<string, unknown>, lang: Lang): string {
  return Object.entries(detail)
    .map(([k, v]) => `${keyText(event, k, lang)}: ${valueText(k, v, lang)}`)
    .join('; ');
}

/**
 * What of a row would print as the server stored it (an unknown event or key, or an English
 * word with no translation): empty for every row the server writes. For tests.
 */
export function auditUntranslated(event: string, detail: Record<string, unknown>): string[] {
  const raw: string[] = [];
  if (!own<T>(AUDIT_EVENT_TEXT, event)) raw.push(event);
  for (const [k, v] of Object.entries(detail)) {
    if (!own<T>(AUDIT_DETAIL_TEXT, k)) raw.push(k);
    const words = own(VALUE_TEXT, k);
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item !== 'string') continue;
      const known = words ? own(words, item) : k === 'presetId' ? findPreset(item) : k === 'base' ? own<T>(BASE_LABELS, item) : true;
      if (!known) raw.push(`${k}=${item}`);
    }
  }
  return raw;
}
