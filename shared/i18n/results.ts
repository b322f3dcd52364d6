/** What the console's results panel says (publish, live results, minutes, exports), vi first. */
import type { Lang } from '../errors';
import { byKey } from './by-key';
import { TERMS } from './terms';

const vi = {
  heading: TERMS.vi.results,
  notClosed: 'Kết quả chỉ xem được sau khi kết thúc bỏ phiếu.',
  published: 'Đã công bố kết quả lúc',
  notPublished: 'Chưa công bố: màn hình chiếu chưa hiển thị kết quả.',
  publish: 'Công bố kết quả',
  publishConfirm: 'Công bố kết quả? Mọi màn hình chiếu sẽ hiển thị kết quả của từng người. Không thể hủy công bố.',
  confirm: 'Xác nhận công bố',
  cancel: 'Hủy',
  resultsHidden: 'Kết quả chưa công bố được ẩn trên màn hình này, vì máy tính có thể đang chiếu lên máy chiếu. Ban kiểm phiếu bấm “Hiện kết quả” để xem; kết quả ẩn lại khi rời thẻ này.',
  resultsShow: 'Hiện kết quả',
  resultsHide: 'Ẩn kết quả',
  exports: 'Biên bản và dữ liệu',
  minutesPrint: 'Biên bản kiểm phiếu (trang in A4)',
  minutesPdf: 'Biên bản kiểm phiếu (PDF)',
  minutesDocx: 'Biên bản kiểm phiếu (Word, để sửa trước khi ký)',
  csv: 'Kết quả (CSV, mở bằng Excel)',
  json: 'Kết quả (JSON)',
  ballots: 'Phiếu đã ẩn danh (JSON, để kiểm lại: npm run recount)',
  displayLink: 'Đường dẫn màn hình chiếu',
  openDisplay: TERMS.vi.openDisplay,
  live: 'Hiển thị kết quả trực tiếp khi đang bỏ phiếu',
  liveHint: 'Chỉ cập nhật sau ít nhất 5 phiếu mới và cách nhau ít nhất 5 giây, để không ai đọc được một phiếu riêng lẻ.',
  liveSensitive: 'Quy định này (Đảng, quân đội) không hiển thị kết quả trực tiếp. Chỉ bật khi có quyết định riêng; việc bật được ghi vào nhật ký.',
  liveOverride: 'Tôi xác nhận bật kết quả trực tiếp theo quyết định riêng',
  liveOn: 'Bật',
  liveOff: 'Tắt',
  liveIsOn: 'Đang bật',
  liveIsOff: 'Đang tắt',
  order: 'STT',
  person: TERMS.vi.fullName,
  valid: TERMS.vi.valid,
  invalid: TERMS.vi.invalid,
  thresholds: 'Ngưỡng',
  collected: TERMS.vi.collected,
  issued: TERMS.vi.issued,
  phonePaper: 'điện tử / giấy',
} satisfies Record<string, string>;

export type ResultsPanelStrings = Record<keyof typeof vi, string>;

const en: ResultsPanelStrings = {
  heading: TERMS.en.results,
  notClosed: 'Results can be seen once voting has closed.',
  published: 'Results published at',
  notPublished: 'Not published: the display does not show results yet.',
  publish: 'Publish results',
  publishConfirm: 'Publish the results? Every display will show each person\'s results. This cannot be undone.',
  confirm: 'Confirm publishing',
  cancel: 'Cancel',
  resultsHidden: 'Unpublished results are hidden on this screen, as the laptop may be mirrored on the projector. The tally committee presses “Show results” to read them; they are hidden again on leaving this tab.',
  resultsShow: 'Show results',
  resultsHide: 'Hide results',
  exports: 'Minutes and data',
  minutesPrint: 'Minutes (A4 print page)',
  minutesPdf: 'Minutes (PDF)',
  minutesDocx: 'Minutes (Word, to amend before signing)',
  csv: 'Results (CSV for Excel)',
  json: 'Results (JSON)',
  ballots: 'Anonymised ballots (JSON, for a recount: npm run recount)',
  displayLink: 'Display link',
  openDisplay: TERMS.en.openDisplay,
  live: 'Show live results while voting',
  liveHint: 'Updated only after at least 5 new ballots and at least 5 seconds apart, so no single ballot can be read.',
  liveSensitive: 'This preset (Party, army) does not show live results. Turn on only by explicit decision; it is recorded in the audit log.',
  liveOverride: 'I confirm live results by explicit decision',
  liveOn: 'Turn on',
  liveOff: 'Turn off',
  liveIsOn: 'On',
  liveIsOff: 'Off',
  order: 'No.',
  person: 'Name',
  valid: TERMS.en.valid,
  invalid: TERMS.en.invalid,
  thresholds: 'Threshold',
  collected: TERMS.en.collected,
  issued: TERMS.en.issued,
  phonePaper: 'phone / paper',
};

export const RESULTS_PANEL_STRINGS: Record<Lang, ResultsPanelStrings> = { vi, en };

export type ResultsTextKey = keyof ResultsPanelStrings;

/**
 * @deprecated The same table read key first (`RESULTS_STRINGS[key][lang]`), for the one call site
 * still written that way (client/admin/results-panel.tsx); read `RESULTS_PANEL_STRINGS[lang]` instead.
 */
export const RESULTS_STRINGS = byKey(RESULTS_PANEL_STRINGS);
