/** What the projector page says, in Vietnamese first and English on the toggle. */
import type { Lang } from '../errors';
import { LANGUAGE_NAME, PHONE_TERMS } from './phone-terms';
import { TERMS } from './terms';

export interface DisplayStrings {
  stateDraft: string;
  stateOpen: string;
  stateClosed: string;
  statePublished: string;
  votingTime: string;
  votingTook: string;
  collected: string;
  issued: string;
  present: string;
  summoned: string;
  waitingOpen: string;
  waitingResults: string;
  results: string;
  liveResults: string;
  /** "Tỉ lệ trên tổng số phiếu thu về: 48" */
  baseLine: (baseLabel: string, value: string) => string;
  basePerPerson: (baseLabel: string) => string;
  invalid: string;
  /** "Không hợp lệ: 2 (16,67%)"; no percentage when the base is each person's valid ballots. */
  invalidNote: (count: string, percent: string | null) => string;
  page: (page: number, pages: number) => string;
  reconnecting: string;
  connecting: string;
  loading: string;
  otherLanguage: string;
  thresholdsOnPage: string;
  /** The sealed box after close, before the committee opens it. */
  boxLockedTitle: string;
  boxLocked: string;
  /** The box opened, results not yet published. */
  boxOpenedWaiting: string;
  /** Beside the QR of the published list of tracking codes. */
  receiptsCaption: string;
  receiptsQrLabel: string;
  fingerprint: string;
  /** The button (and key Q) that brings the QR over the results. */
  receiptsButton: string;
  receiptsHide: string;
}

export const DISPLAY_STRINGS: Record<Lang, DisplayStrings> = {
  vi: {
    stateDraft: PHONE_TERMS.vi.notStarted,
    stateOpen: TERMS.vi.votingOpen,
    stateClosed: 'Đã kết thúc bỏ phiếu',
    statePublished: 'Đã công bố kết quả',
    votingTime: 'Thời gian bỏ phiếu',
    votingTook: 'Thời gian bỏ phiếu',
    collected: TERMS.vi.collected,
    issued: TERMS.vi.issued,
    present: TERMS.vi.present,
    summoned: TERMS.vi.summoned,
    waitingOpen: 'Xin chờ Ban kiểm phiếu mở bỏ phiếu.',
    waitingResults: 'Ban kiểm phiếu đang kiểm phiếu. Kết quả sẽ được công bố sau.',
    results: TERMS.vi.results,
    liveResults: 'Kết quả tạm thời — chỉ cập nhật sau ít nhất 5 phiếu mới',
    baseLine: (label, value) => `Tỉ lệ trên ${label}: ${value}`,
    basePerPerson: (label) => `Tỉ lệ trên ${label} của từng người`,
    invalid: TERMS.vi.invalidMark,
    invalidNote: (n, p) => `Không hợp lệ: ${n}${p === null ? '' : ` (${p})`}`,
    page: (p, n) => `Trang ${p}/${n}`,
    reconnecting: 'Mất kết nối — đang kết nối lại…',
    connecting: 'Đang kết nối…',
    loading: TERMS.vi.loading,
    otherLanguage: LANGUAGE_NAME.en,
    thresholdsOnPage: 'Theo quy định',
    boxLockedTitle: 'Hòm phiếu điện tử đang niêm phong',
    boxLocked: 'Xin chờ Ban kiểm phiếu mở hòm phiếu điện tử. Chưa ai đọc được phiếu điện thoại trước khi hòm được mở.',
    boxOpenedWaiting: 'Hòm phiếu điện tử đã được mở. Ban kiểm phiếu đang kiểm phiếu; kết quả sẽ được công bố sau.',
    receiptsCaption: 'Quét để đối chiếu mã kiểm tra trên điện thoại',
    receiptsQrLabel: 'Mã QR: danh sách mã kiểm tra phiếu điện thoại',
    fingerprint: TERMS.vi.fingerprint,
    receiptsButton: 'Mã kiểm tra (Q)',
    receiptsHide: 'Đóng (Q)',
  },
  en: {
    stateDraft: PHONE_TERMS.en.notStarted,
    stateOpen: TERMS.en.votingOpen,
    stateClosed: 'Voting has closed',
    statePublished: 'Results published',
    votingTime: 'Voting time',
    votingTook: 'Voting time',
    collected: TERMS.en.collected,
    issued: TERMS.en.issued,
    present: TERMS.en.present,
    summoned: TERMS.en.summoned,
    waitingOpen: 'Please wait for the tally committee to open voting.',
    waitingResults: 'The tally committee is counting. Results will be published shortly.',
    results: TERMS.en.results,
    liveResults: 'Provisional results — updated only after at least 5 new ballots',
    baseLine: (label, value) => `Percentages of ${label}: ${value}`,
    basePerPerson: (label) => `Percentages of each person's ${label}`,
    invalid: TERMS.en.invalidMark,
    invalidNote: (n, p) => `Invalid: ${n}${p === null ? '' : ` (${p})`}`,
    page: (p, n) => `Page ${p}/${n}`,
    reconnecting: 'Connection lost — reconnecting…',
    connecting: 'Connecting…',
    loading: TERMS.en.loading,
    otherLanguage: LANGUAGE_NAME.vi,
    thresholdsOnPage: 'Under the regulation',
    boxLockedTitle: 'The phone ballot box is sealed',
    boxLocked: 'Waiting for the tally committee to open the phone ballot box. No one can read a phone ballot before it is opened.',
    boxOpenedWaiting: 'The phone ballot box has been opened. The tally committee is counting; results will be published shortly.',
    receiptsCaption: 'Scan to check the tracking code of your ballot',
    receiptsQrLabel: 'QR code: the list of tracking codes of phone ballots',
    fingerprint: TERMS.en.fingerprint,
    receiptsButton: 'Tracking codes (Q)',
    receiptsHide: 'Close (Q)',
  },
};
