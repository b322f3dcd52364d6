/**
 * Rule presets: the regulations as data (../shared/REGULATIONS.md in the handbook).
 * The tally reads these values; nothing elsewhere hard-codes a regulation.
 */
import type { Address } from './address';
import type { Lang } from './errors';

/** Text in both UI languages. */
export type Text = Record<Lang, string>;

/** A level a voter can give a person. `id` is stable and is what ballots carry. */
export interface Level {
  id: string;
  label: Text;
}

/** What the percentages and thresholds of a vote are computed on. */
export type BaseId = 'collected' | 'ballots' | 'summoned' | 'valid';

/** The name of each base, as the minutes and the display print it. */
export const BASE_LABELS: Record<BaseId, Text> = {
  collected: { vi: 'tổng số phiếu thu về', en: 'ballots collected' },
  ballots: { vi: 'tổng số phiếu', en: 'all ballots' },
  summoned: { vi: 'tổng số đại biểu được triệu tập', en: 'delegates summoned' },
  valid: { vi: 'số phiếu hợp lệ', en: 'valid marks' },
};

/** A fraction compared exactly: `count * den  OP  num * base`. */
export interface Bound {
  op: '>' | '>=' | '<' | '<=';
  num: number;
  den: number;
}

/** A threshold on one level's count: crossed when every bound holds. */
export interface Threshold {
  id: string;
  level: string;
  bounds: Bound[];
  /** Short label such as "Trên 1/2 và dưới 2/3 tín nhiệm thấp". */
  label: Text;
  /** What follows under the regulation. */
  consequence: Text;
}

export interface Preset {
  id: string;
  /** Full name of the regulation, e.g. "Quy định 96-QĐ/TW". */
  name: Text;
  /** The one-line rule a delegate reads on the ballot page. */
  rule: Text;
  /** "Lấy phiếu tín nhiệm" or "Bỏ phiếu tín nhiệm". */
  kind: 'lay-phieu' | 'bo-phieu';
  /** Header of the minutes: "ĐẢNG CỘNG SẢN VIỆT NAM" or a council's own. */
  header: Text;
  levels: Level[];
  /** The default base, and every base the secretariat may choose for this preset. */
  base: BaseId;
  baseOptions: BaseId[];
  thresholds: Threshold[];
  /** Quorum: present * den >= num * summoned. */
  quorum: { num: number; den: number };
  /** Party and army votes: live results need an explicit, logged override. */
  sensitive: boolean;
  /** How the phone addresses the delegate: "đồng chí" (Party, army) or "đại biểu" (National Assembly, People's Councils). */
  address: Address;
}

const THREE_LEVELS: Level[] = [
  { id: 'high', label: { vi: 'Tín nhiệm cao', en: 'High confidence' } },
  { id: 'medium', label: { vi: 'Tín nhiệm', en: 'Confidence' } },
  { id: 'low', label: { vi: 'Tín nhiệm thấp', en: 'Low confidence' } },
];

/**
 * The two bands of "tín nhiệm thấp" shared by the three-level presets: over 1/2 and under 2/3,
 * and 2/3 or more. Only the consequences differ between regulations.
 */
function lowConfidenceThresholds(overHalf: Text, twoThirds: Text): Threshold[] {
  return [
    {
      id: 'low-over-half',
      level: 'low',
      bounds: [
        { op: '>', num: 1, den: 2 },
        { op: '<', num: 2, den: 3 },
      ],
      label: { vi: 'Trên 1/2 đến dưới 2/3 tín nhiệm thấp', en: 'Over 1/2 and under 2/3 low confidence' },
      consequence: overHalf,
    },
    {
      id: 'low-two-thirds',
      level: 'low',
      bounds: [{ op: '>=', num: 2, den: 3 }],
      label: { vi: 'Từ 2/3 trở lên tín nhiệm thấp', en: '2/3 or more low confidence' },
      consequence: twoThirds,
    },
  ];
}

const QD96_THRESHOLDS = lowConfidenceThresholds(
  {
    vi: 'Không quy hoạch vào chức vụ cao hơn; xem xét cho thôi giữ chức vụ, điều động, từ chức hoặc bỏ phiếu tín nhiệm (Điều 11, Quy định 96-QĐ/TW).',
    en: 'Removed from planning for higher posts; considered for relief, reassignment, resignation or a confidence vote (Art. 11, Regulation 96-QĐ/TW).',
  },
  {
    vi: 'Miễn nhiệm chức vụ và bố trí công tác khác (Điều 11, Quy định 96-QĐ/TW).',
    en: 'Dismissed from the post and reassigned (Art. 11, Regulation 96-QĐ/TW).',
  },
);

const PARTY_HEADER: Text = { vi: 'ĐẢNG CỘNG SẢN VIỆT NAM', en: 'COMMUNIST PARTY OF VIETNAM' };
const STATE_HEADER: Text = {
  vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  en: 'SOCIALIST REPUBLIC OF VIETNAM',
};
const TWO_THIRDS_QUORUM = { num: 2, den: 3 };

/** The presets that ship. The secretariat copies one into each session (see `sessionPreset`). */
export const PRESETS: readonly Preset[] = [
  {
    id: 'qd96-2023',
    name: { vi: 'Quy định 96-QĐ/TW', en: 'Regulation 96-QĐ/TW' },
    rule: { vi: 'Lấy phiếu tín nhiệm theo Quy định 96-QĐ/TW', en: 'Confidence vote under Regulation 96-QĐ/TW' },
    kind: 'lay-phieu',
    header: PARTY_HEADER,
    levels: THREE_LEVELS,
    base: 'collected',
    baseOptions: ['collected'],
    thresholds: QD96_THRESHOLDS,
    quorum: TWO_THIRDS_QUORUM,
    sensitive: true,
    address: 'dong-chi',
  },
  {
    id: 'qd1992-2023-army',
    name: { vi: 'Quy định 1992-QĐ/QUTW', en: 'Regulation 1992-QĐ/QUTW' },
    rule: { vi: 'Lấy phiếu tín nhiệm theo Quy định 1992-QĐ/QUTW', en: 'Confidence vote under Regulation 1992-QĐ/QUTW' },
    kind: 'lay-phieu',
    header: PARTY_HEADER,
    levels: THREE_LEVELS,
    base: 'collected',
    baseOptions: ['collected'],
    thresholds: QD96_THRESHOLDS.map((t) => ({
      ...t,
      consequence: {
        vi: t.consequence.vi.replace('Quy định 96-QĐ/TW', 'Quy định 1992-QĐ/QUTW, theo Quy định 96-QĐ/TW'),
        en: t.consequence.en.replace('Regulation 96-QĐ/TW', 'Regulation 1992-QĐ/QUTW, after Regulation 96-QĐ/TW'),
      },
    })),
    quorum: TWO_THIRDS_QUORUM,
    sensitive: true,
    address: 'dong-chi',
  },
  {
    id: 'nq96-2023-lay-phieu',
    name: { vi: 'Nghị quyết 96/2023/QH15 — lấy phiếu tín nhiệm', en: 'Resolution 96/2023/QH15 — confidence rating' },
    rule: { vi: 'Lấy phiếu tín nhiệm theo Nghị quyết 96/2023/QH15', en: 'Confidence rating under Resolution 96/2023/QH15' },
    kind: 'lay-phieu',
    header: STATE_HEADER,
    levels: THREE_LEVELS,
    base: 'ballots',
    baseOptions: ['ballots', 'summoned'],
    thresholds: lowConfidenceThresholds(
      {
        vi: 'Có thể xin từ chức; nếu không từ chức thì cơ quan có thẩm quyền trình bỏ phiếu tín nhiệm (Nghị quyết 96/2023/QH15).',
        en: 'May resign; otherwise a confidence vote follows (Resolution 96/2023/QH15).',
      },
      {
        vi: 'Cơ quan có thẩm quyền trình miễn nhiệm (Nghị quyết 96/2023/QH15).',
        en: 'Presented for dismissal (Resolution 96/2023/QH15).',
      },
    ),
    quorum: TWO_THIRDS_QUORUM,
    sensitive: false,
    address: 'dai-bieu',
  },
  {
    id: 'nq96-2023-bo-phieu',
    name: { vi: 'Nghị quyết 96/2023/QH15 — bỏ phiếu tín nhiệm', en: 'Resolution 96/2023/QH15 — confidence vote' },
    rule: { vi: 'Bỏ phiếu tín nhiệm theo Nghị quyết 96/2023/QH15', en: 'Confidence vote under Resolution 96/2023/QH15' },
    kind: 'bo-phieu',
    header: STATE_HEADER,
    levels: [
      { id: 'trust', label: { vi: 'Tín nhiệm', en: 'Confidence' } },
      { id: 'no-trust', label: { vi: 'Không tín nhiệm', en: 'No confidence' } },
    ],
    base: 'summoned',
    baseOptions: ['summoned'],
    thresholds: [
      {
        id: 'no-trust-over-half',
        level: 'no-trust',
        bounds: [{ op: '>', num: 1, den: 2 }],
        label: { vi: 'Quá nửa tổng số đại biểu không tín nhiệm', en: 'More than half of all delegates: no confidence' },
        consequence: {
          vi: 'Có thể xin từ chức; nếu không từ chức thì cơ quan có thẩm quyền trình miễn nhiệm (Nghị quyết 96/2023/QH15).',
          en: 'May resign; otherwise presented for dismissal (Resolution 96/2023/QH15).',
        },
      },
    ],
    quorum: TWO_THIRDS_QUORUM,
    sensitive: false,
    address: 'dai-bieu',
  },
];

/** The shipped preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Whether `present` out of `summoned` meets the preset's quorum, by integer comparison. */
export function quorumMet(preset: Pick<Preset, 'quorum'>, present: number, summoned: number): boolean {
  return present * preset.quorum.den >= preset.quorum.num * summoned;
}

/** `count / base  OP  num / den`, exactly: `count * den  OP  num * base`. */
export function boundHolds(bound: Bound, count: number, base: number): boolean {
  const left = count * bound.den;
  const right = bound.num * base;
  switch (bound.op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}
