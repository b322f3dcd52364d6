/** What the console's results panel says (publish, live results, minutes, exports), vi first. */
import type { Lang } from '../errors';

export const RESULTS_STRINGS = {
  heading: { vi: 'Kết quả kiểm phiếu', en: 'Results' },
  notClosed: { vi: 'Kết quả chỉ xem được sau khi kết thúc bỏ phiếu.', en: 'Results can be seen once voting has closed.' },
  published: { vi: 'Đã công bố kết quả lúc', en: 'Results published at' },
  notPublished: { vi: 'Chưa công bố: màn hình chiếu chưa hiển thị kết quả.', en: 'Not published: the display does not show results yet.' },
  publish: { vi: 'Công bố kết quả', en: 'Publish results' },
  publishConfirm: {
    vi: 'Công bố kết quả? Mọi màn hình chiếu sẽ hiển thị kết quả của từng người. Không thể hủy công bố.',
    en: 'Publish the results? Every display will show each person\'s results. This cannot be undone.',
  },
  confirm: { vi: 'Xác nhận công bố', en: 'Confirm publishing' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  resultsHidden: {
    vi: 'Kết quả chưa công bố được ẩn trên màn hình này, vì máy tính có thể đang chiếu lên máy chiếu. Ban kiểm phiếu bấm “Hiện kết quả” để xem; kết quả ẩn lại khi rời thẻ này.',
    en: 'Unpublished results are hidden on this screen, as the laptop may be mirrored on the projector. The tally committee presses “Show results” to read them; they are hidden again on leaving this tab.',
  },
  resultsShow: { vi: 'Hiện kết quả', en: 'Show results' },
  resultsHide: { vi: 'Ẩn kết quả', en: 'Hide results' },
  exports: { vi: 'Biên bản và dữ liệu', en: 'Minutes and data' },
  minutesPrint: { vi: 'Biên bản kiểm phiếu (trang in A4)', en: 'Minutes (A4 print page)' },
  minutesPdf: { vi: 'Biên bản kiểm phiếu (PDF)', en: 'Minutes (PDF)' },
  minutesDocx: { vi: 'Biên bản kiểm phiếu (Word, để sửa trước khi ký)', en: 'Minutes (Word, to amend before signing)' },
  csv: { vi: 'Kết quả (CSV, mở bằng Excel)', en: 'Results (CSV for Excel)' },
  json: { vi: 'Kết quả (JSON)', en: 'Results (JSON)' },
  ballots: { vi: 'Phiếu đã ẩn danh (JSON, để kiểm lại: npm run recount)', en: 'Anonymised ballots (JSON, for a recount: npm run recount)' },
  displayLink: { vi: 'Đường dẫn màn hình chiếu', en: 'Display link' },
  openDisplay: { vi: 'Mở màn hình chiếu', en: 'Open the display' },
  live: { vi: 'Hiển thị kết quả trực tiếp khi đang bỏ phiếu', en: 'Show live results while voting' },
  liveHint: {
    vi: 'Chỉ cập nhật sau ít nhất 5 phiếu mới và cách nhau ít nhất 5 giây, để không ai đọc được một phiếu riêng lẻ.',
    en: 'Updated only after at least 5 new ballots and at least 5 seconds apart, so no single ballot can be read.',
  },
  liveSensitive: {
    vi: 'Quy định này (Đảng, quân đội) không hiển thị kết quả trực tiếp. Chỉ bật khi có quyết định riêng; việc bật được ghi vào nhật ký.',
    en: 'This preset (Party, army) does not show live results. Turn on only by explicit decision; it is recorded in the audit log.',
  },
  liveOverride: { vi: 'Tôi xác nhận bật kết quả trực tiếp theo quyết định riêng', en: 'I confirm live results by explicit decision' },
  liveOn: { vi: 'Bật', en: 'Turn on' },
  liveOff: { vi: 'Tắt', en: 'Turn off' },
  liveIsOn: { vi: 'Đang bật', en: 'On' },
  liveIsOff: { vi: 'Đang tắt', en: 'Off' },
  order: { vi: 'STT', en: 'No.' },
  person: { vi: 'Họ và tên', en: 'Name' },
  valid: { vi: 'Số phiếu hợp lệ', en: 'Valid' },
  invalid: { vi: 'Số phiếu không hợp lệ', en: 'Invalid' },
  thresholds: { vi: 'Ngưỡng', en: 'Threshold' },
  collected: { vi: 'Tổng số phiếu thu về', en: 'Ballots collected' },
  issued: { vi: 'Tổng số phiếu phát ra', en: 'Ballots handed out' },
  phonePaper: { vi: 'điện tử / giấy', en: 'phone / paper' },
} satisfies Record<string, Record<Lang, string>>;

export type ResultsTextKey = keyof typeof RESULTS_STRINGS;
