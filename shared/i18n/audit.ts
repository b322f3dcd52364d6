/**
 * The audit log in words, Vietnamese first: event names, detail keys and the values the
 * server records in English (why entries were discarded, what was printed, how people were
 * imported, which fields changed). The console's Log tab and the minutes' appendix both
 * print a row through `auditEventText` and `auditDetailText`, so they cannot disagree.
 *
 * One object a language (`AUDIT_STRINGS.vi`, `.en`), as every string table in shared/i18n/.
 * The set of events is the keys of the Vietnamese `events` and the set of detail keys those of
 * its `details`: the server's `audit()` takes only those, so an event or a detail without
 * words here does not compile.
 */
import type { Lang } from '../errors';
import { formatCount } from '../format';
import { BASE_LABELS, findPreset } from '../presets';

/** Names of audit events. Never one per phone ballot: that would time-stamp votes. */
const EVENTS_VI = {
  'session.created': 'Tạo cuộc lấy phiếu',
  'session.updated': 'Sửa thông tin',
  'preset.changed': 'Điều chỉnh quy định áp dụng',
  'session.duplicated': 'Tạo từ bản sao',
  'session.deleted': 'Xóa bản nháp',
  'persons.changed': 'Sửa danh sách người được lấy phiếu',
  'committee.changed': 'Sửa Ban kiểm phiếu',
  'slips.issued': 'Phát hành phiếu',
  'slips.printed': 'In phiếu',
  'slips.voided': 'Hủy phiếu',
  'session.opened': 'Mở bỏ phiếu',
  'quorum.override': 'Mở khi chưa đủ số lượng',
  'session.closed': 'Kết thúc bỏ phiếu',
  'paper.keyed': 'Ghi phiếu giấy',
  'paper.discarded': 'Hủy lần nhập phiếu giấy',
  'results.published': 'Công bố kết quả',
  'live-results.changed': 'Đổi hiển thị kết quả trực tiếp',
  'box.sealed-chosen': 'Chọn hòm phiếu điện tử niêm phong',
  'box.unsealed-chosen': 'Chọn hòm phiếu điện tử không niêm phong',
  'box.sealed': 'Niêm phong hòm phiếu điện tử',
  'box.opened': 'Mở hòm phiếu điện tử',
  'traces.pending': 'Chưa dọn được nhật ký ghi của tệp dữ liệu',
  'traces.scrubbed': 'Đã dọn nhật ký ghi của tệp dữ liệu',
  'admin.login': 'Đăng nhập bàn thư ký',
  'admin.logout': 'Đăng xuất bàn thư ký',
  'admin.lan-enabled': 'Máy chủ khởi động cho phép máy khác dùng bảng điều khiển (ADMIN_LAN=1)',
} satisfies Record<string, string>;

/** An event the audit log knows. */
export type AuditEvent = keyof typeof EVENTS_VI;
export const AUDIT_EVENTS = Object.keys(EVENTS_VI) as AuditEvent[];

/** Names of the details an audit row may carry (counts and names only, never ballots or codes). */
const DETAILS_VI = {
  count: 'số lượng',
  presetId: 'quy định',
  fields: 'mục',
  summoned: 'số người được triệu tập',
  present: 'số người có mặt',
  collected: 'phiếu thu về',
  issued: 'phiếu phát ra',
  enabled: 'bật',
  override: 'xác nhận riêng',
  unused: 'mọi phiếu chưa dùng',
  slipId: 'phiếu',
  thresholds: 'ngưỡng',
  quorum: 'tỉ lệ có mặt tối thiểu',
  base: 'cơ sở tính tỉ lệ',
  address: 'điện thoại xưng hô',
  reset: 'khôi phục mặc định',
  from: 'sao từ cuộc lấy phiếu',
  sessionId: 'cuộc lấy phiếu',
  title: 'tên',
  paperIssued: 'phiếu giấy đã phát',
  paperCollected: 'phiếu giấy đã thu về',
  reason: 'lý do',
  format: 'dạng',
  which: 'phiếu in',
  imported: 'số người nhập từ tệp',
  mode: 'cách nhập',
  threshold: 'số mảnh khóa cần để mở',
  holders: 'người giữ mảnh khóa',
  resealed: 'niêm phong lại',
  phoneBallots: 'phiếu điện thoại trong hòm',
  spoilt: 'phiếu không mở được hoặc không hợp lệ',
} satisfies Record<string, string>;

/** A detail key the audit log knows. */
export type AuditDetailKey = keyof typeof DETAILS_VI;
/** What `audit()` may record. */
export type AuditDetail = { [K in AuditDetailKey]?: unknown };

const EVENTS_EN: Record<AuditEvent, string> = {
  'session.created': 'Vote created',
  'session.updated': 'Details changed',
  'preset.changed': 'Rules adjusted',
  'session.duplicated': 'Created as a copy',
  'session.deleted': 'Draft deleted',
  'persons.changed': 'People rated changed',
  'committee.changed': 'Tally committee changed',
  'slips.issued': 'Slips issued',
  'slips.printed': 'Slips printed',
  'slips.voided': 'Slips voided',
  'session.opened': 'Voting opened',
  'quorum.override': 'Quorum override',
  'session.closed': 'Voting closed',
  'paper.keyed': 'Paper ballot recorded',
  'paper.discarded': 'Paper entries discarded',
  'results.published': 'Results published',
  'live-results.changed': 'Live results changed',
  'box.sealed-chosen': 'Sealed phone box chosen',
  'box.unsealed-chosen': 'Unsealed phone box chosen',
  'box.sealed': 'Phone ballot box sealed',
  'box.opened': 'Phone ballot box opened',
  'traces.pending': 'Data file log not yet cleaned',
  'traces.scrubbed': 'Data file log cleaned',
  'admin.login': 'Console login',
  'admin.logout': 'Console logout',
  'admin.lan-enabled': 'Server started letting other devices use the console (ADMIN_LAN=1)',
};

const DETAILS_EN: Record<AuditDetailKey, string> = {
  count: 'count',
  presetId: 'rules',
  fields: 'fields',
  summoned: 'summoned',
  present: 'present',
  collected: 'ballots collected',
  issued: 'ballots handed out',
  enabled: 'on',
  override: 'explicit override',
  unused: 'every unused slip',
  slipId: 'slip',
  thresholds: 'thresholds',
  quorum: 'quorum',
  base: 'base of percentages',
  address: 'phones address voters as',
  reset: 'default restored',
  from: 'copied from vote',
  sessionId: 'vote',
  title: 'title',
  paperIssued: 'paper ballots handed out',
  paperCollected: 'paper ballots collected',
  reason: 'reason',
  format: 'format',
  which: 'slips printed',
  imported: 'imported from a file',
  mode: 'import',
  threshold: 'shares needed to open',
  holders: 'share holders',
  resealed: 'sealed again',
  phoneBallots: 'phone ballots in the box',
  spoilt: 'spoilt (not opened or invalid)',
};

/** The audit log's words in one language. */
export interface AuditStrings {
  events: Record<AuditEvent, string>;
  details: Record<AuditDetailKey, string>;
  /** Where one event means something else by a key: at opening, `holders` are those who presented a share. */
  eventDetails: Partial<Record<AuditEvent, Partial<Record<AuditDetailKey, string>>>>;
  /** Values the server records in English words, per detail key; `fields`: the session fields session.updated lists. */
  values: Partial<Record<AuditDetailKey, Record<string, string>>>;
  booleans: Record<'true' | 'false', string>;
  /** The actors recorded without a person's name: a request with no logged-in name, the server itself. */
  actors: Record<string, string>;
}

export const AUDIT_STRINGS: Record<Lang, AuditStrings> = {
  vi: {
    events: EVENTS_VI,
    details: DETAILS_VI,
    eventDetails: {
      'box.opened': {
        holders: 'người xuất trình mảnh khóa',
      },
    },
    values: {
      fields: {
        title: 'tên',
        organisation: 'cơ quan, tổ chức',
        place: 'địa điểm',
        locality: 'địa danh',
        heldOn: 'ngày',
        presetId: 'quy định',
        base: 'cơ sở tính tỉ lệ',
        summoned: 'số người được triệu tập',
        present: 'số người có mặt',
        paperIssued: 'số phiếu giấy đã phát',
      },
      reason: {
        mismatch: 'hai lần nhập không khớp',
        withdrawn: 'rút lần nhập',
      },
      format: {
        html: 'trang in',
        pdf: 'PDF',
      },
      which: {
        unused: 'mọi phiếu chưa dùng',
        unprinted: 'phiếu chưa in',
      },
      address: {
        'dong-chi': 'đồng chí',
        'dai-bieu': 'đại biểu',
      },
      mode: {
        append: 'thêm vào danh sách',
        replace: 'thay cả danh sách',
      },
    },
    booleans: {
      true: 'có',
      false: 'không',
    },
    actors: {
      secretariat: 'Bàn thư ký',
      server: 'Máy chủ',
    },
  },
  en: {
    events: EVENTS_EN,
    details: DETAILS_EN,
    eventDetails: {
      'box.opened': {
        holders: 'shares presented by',
      },
    },
    values: {
      fields: {
        title: 'title',
        organisation: 'organisation',
        place: 'place',
        locality: 'locality',
        heldOn: 'date',
        presetId: 'rules',
        base: 'base of percentages',
        summoned: 'number summoned',
        present: 'number present',
        paperIssued: 'paper ballots handed out',
      },
      reason: {
        mismatch: 'the two entries differed',
        withdrawn: 'entry withdrawn',
      },
      format: {
        html: 'print page',
        pdf: 'PDF',
      },
      which: {
        unused: 'all unused',
        unprinted: 'not yet printed',
      },
      address: {
        'dong-chi': '“đồng chí”',
        'dai-bieu': '“đại biểu”',
      },
      mode: {
        append: 'added to the list',
        replace: 'replaced the list',
      },
    },
    booleans: {
      true: 'yes',
      false: 'no',
    },
    actors: {
      secretariat: 'Secretariat',
      server: 'Server',
    },
  },
};

/** `table[key]` when `key` is the table's own (never "constructor" or "toString"). */
function own<V>(table: { [key: string]: V | undefined }, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The name of an event; an unknown one (from a newer build) prints as stored. */
export function auditEventText(event: string, lang: Lang): string {
  return own(AUDIT_STRINGS[lang].events, event) ?? event;
}

/** The person recorded; names print as typed. */
export function auditActorText(actor: string, lang: Lang): string {
  return own(AUDIT_STRINGS[lang].actors, actor) ?? actor;
}

function keyText(event: string, key: string, lang: Lang): string {
  const words = AUDIT_STRINGS[lang];
  const special = own(words.eventDetails, event);
  return (special && own(special, key)) ?? own(words.details, key) ?? key;
}

/** One value in words; names, titles and thresholds print as recorded. */
function valueText(key: string, v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return AUDIT_STRINGS[lang].booleans[`${v}`];
  if (typeof v === 'number') return formatCount(v, lang);
  if (Array.isArray(v)) return v.map((item) => valueText(key, item, lang)).join(', ');
  if (typeof v !== 'string') return JSON.stringify(v);
  if (key === 'presetId') return findPreset(v)?.name[lang] ?? v;
  if (key === 'base') return own(BASE_LABELS, v)?.[lang] ?? v;
  const words = own(AUDIT_STRINGS[lang].values, key);
  return (words && own(words, v)) ?? v;
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
  const { vi } = AUDIT_STRINGS;
  const raw: string[] = [];
  if (own(vi.events, event) === undefined) raw.push(event);
  for (const [k, v] of Object.entries(detail)) {
    if (own(vi.details, k) === undefined) raw.push(k);
    const words = own(vi.values, k);
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item !== 'string') continue;
      const known = words ? own(words, item) !== undefined : k === 'presetId' ? findPreset(item) : k === 'base' ? own(BASE_LABELS, item) : true;
      if (!known) raw.push(`${k}=${item}`);
    }
  }
  return raw;
}
