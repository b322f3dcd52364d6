/**
 * Every error a person can meet has a code (for logs and tests) and a message in
 * Vietnamese and English (for people). Add a code here before you throw or send it.
 */
export const ERROR_MESSAGES = {
  // Requests and protocol
  'bad-request': { vi: 'Yêu cầu không hợp lệ.', en: 'The request is not valid.' },
  'bad-message': { vi: 'Thông điệp không hợp lệ.', en: 'The message is not valid.' },
  'unknown-message': { vi: 'Loại thông điệp không được hỗ trợ.', en: 'Unknown message type.' },
  'message-too-large': { vi: 'Thông điệp quá lớn.', en: 'The message is too large.' },
  'not-found': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'internal': { vi: 'Lỗi hệ thống. Xin thử lại hoặc liên hệ Ban kiểm phiếu.', en: 'Internal error. Please try again or contact the tally committee.' },
  'rate-limited': { vi: 'Thao tác quá nhanh. Xin chờ giây lát rồi thử lại.', en: 'Too many attempts. Please wait a moment and try again.' },
  'too-many-connections': { vi: 'Máy chủ đang có quá nhiều kết nối. Xin chờ giây lát, trang sẽ tự kết nối lại.', en: 'The server has too many connections right now. Wait a moment; the page reconnects by itself.' },
  // Secretariat
  'unauthorized': { vi: 'Xin đăng nhập.', en: 'Please log in.' },
  'cross-origin': { vi: 'Yêu cầu từ trang khác bị từ chối.', en: 'Requests from another site are refused.' },
  'wrong-password': { vi: 'Mật khẩu không đúng.', en: 'Wrong password.' },
  'session-not-found': { vi: 'Không tìm thấy cuộc lấy phiếu.', en: 'Vote session not found.' },
  'session-not-draft': { vi: 'Cuộc lấy phiếu đã mở, không thể sửa.', en: 'The vote has been opened and can no longer be edited.' },
  'session-not-open': { vi: 'Cuộc lấy phiếu chưa mở hoặc đã kết thúc.', en: 'Voting is not open.' },
  'session-not-closed': { vi: 'Cuộc lấy phiếu chưa kết thúc.', en: 'Voting has not been closed yet.' },
  'session-already-closed': { vi: 'Cuộc lấy phiếu đã kết thúc.', en: 'Voting has already been closed.' },
  'bad-date': { vi: 'Ngày không hợp lệ.', en: 'The date is not valid.' },
  'empty-title': { vi: 'Tên cuộc lấy phiếu không được để trống.', en: 'The vote needs a title.' },
  'unknown-preset': { vi: 'Không có quy định này.', en: 'Unknown rule preset.' },
  'bad-base': { vi: 'Quy định này không cho phép cơ sở tính tỉ lệ đã chọn.', en: 'This preset does not allow the chosen base.' },
  // Editing a session's copy of a preset (shared/preset-validate.ts)
  'preset-level-count': { vi: 'Quy định phải có từ 2 đến 5 mức tín nhiệm.', en: 'A preset needs 2 to 5 levels.' },
  'preset-bad-level-id': { vi: 'Mã mức tín nhiệm không hợp lệ (chữ thường không dấu, số, dấu gạch ngang).', en: 'A level id is not valid (lower-case letters, digits, hyphens).' },
  'preset-duplicate-level': { vi: 'Hai mức tín nhiệm trùng mã.', en: 'Two levels have the same id.' },
  'preset-empty-label': { vi: 'Tên mức tín nhiệm hoặc nhãn ngưỡng không được để trống.', en: 'A level name or threshold label is empty.' },
  'preset-duplicate-threshold': { vi: 'Hai ngưỡng trùng mã.', en: 'Two thresholds have the same id.' },
  'preset-unknown-level': { vi: 'Ngưỡng tham chiếu một mức tín nhiệm không có trong quy định.', en: 'A threshold refers to a level the preset does not have.' },
  'preset-no-bounds': { vi: 'Mỗi ngưỡng cần ít nhất một tỉ lệ so sánh.', en: 'Each threshold needs at least one bound.' },
  'preset-bad-fraction': { vi: 'Tỉ lệ phải là phân số có tử và mẫu là số nguyên dương đến 1000, tử không lớn hơn mẫu.', en: 'A fraction needs whole numbers from 1 to 1000, the numerator no larger than the denominator.' },
  'preset-empty-band': { vi: 'Các tỉ lệ của một ngưỡng mâu thuẫn nhau: không ai có thể đạt ngưỡng này.', en: 'The bounds of a threshold contradict each other: no one could ever cross it.' },
  'preset-bad-quorum': { vi: 'Tỉ lệ số người có mặt tối thiểu phải là phân số có tử và mẫu nguyên dương đến 1000, tử không lớn hơn mẫu.', en: 'The quorum needs whole numbers from 1 to 1000, the numerator no larger than the denominator.' },
  'preset-id-changed': { vi: 'Không được đổi mã của quy định gốc.', en: 'The id of the original preset cannot change.' },
  'preset-sensitive-locked': { vi: 'Không được thay đổi yêu cầu bảo mật kết quả trực tiếp của quy định gốc.', en: 'The live-results protection of the original preset cannot be changed.' },
  'preset-bad-address': { vi: 'Cách xưng hô trên điện thoại phải là “đồng chí” hoặc “đại biểu”.', en: 'The phone must address delegates as “đồng chí” or “đại biểu”.' },
  'no-persons': { vi: 'Chưa có người được lấy phiếu tín nhiệm.', en: 'No people to be rated yet.' },
  'no-slips': { vi: 'Chưa phát hành phiếu.', en: 'No ballot slips have been issued.' },
  'quorum-not-met': {
    vi: 'Chưa đủ {quorum} số người được triệu tập có mặt, như quy định của cuộc lấy phiếu này. Cần xác nhận mở phiếu khi chưa đủ số lượng.',
    en: 'Fewer than {quorum} of those summoned are present, as this vote\'s rules require. Opening requires an explicit override.',
  },
  'too-many-slips': { vi: 'Số phiếu phát hành vượt giới hạn.', en: 'Too many slips requested.' },
  'live-results-refused': { vi: 'Quy định này không cho phép hiển thị kết quả trực tiếp nếu không có xác nhận riêng.', en: 'This preset does not allow live results without an explicit override.' },
  'bad-display-key': { vi: 'Đường dẫn màn hình chiếu không đúng.', en: 'The display link is not valid.' },
  'paper-mismatch': { vi: 'Hai lần nhập phiếu giấy không khớp nhau. Xin nhập lại.', en: 'The two entries of the paper ballot do not match. Please key it again.' },
  'paper-same-operator': { vi: 'Lần nhập thứ hai phải do người khác thực hiện.', en: 'The second entry must be keyed by another operator.' },
  'paper-limit': { vi: 'Số phiếu giấy thu về vượt số phiếu giấy đã phát.', en: 'More paper ballots than were handed out.' },
  'paper-entry-gone': { vi: 'Lần nhập thứ nhất không còn (đã được ghi hoặc đã bị hủy). Xin chọn lại.', en: 'The first entry is no longer pending (recorded or discarded). Please choose again.' },
  'paper-issued-too-low': { vi: 'Số phiếu giấy đã phát không thể nhỏ hơn số phiếu giấy đã thu về.', en: 'Paper ballots handed out cannot be fewer than paper ballots collected.' },
  'paper-pending': { vi: 'Còn phiếu giấy mới nhập một lần. Xin nhập lần hai hoặc hủy lần nhập đó trước khi công bố kết quả.', en: 'A paper ballot has been keyed only once. Key it a second time or withdraw that entry before publishing.' },
  'paper-bad-marks': { vi: 'Phiếu giấy phải có một lựa chọn (hoặc "không hợp lệ") cho từng người.', en: 'A paper ballot needs a choice (or "invalid") for every person.' },
  'session-published': { vi: 'Kết quả đã công bố, không thể thay đổi.', en: 'Results have been published and can no longer change.' },
  'csv-empty-name': { vi: 'Thiếu họ và tên.', en: 'The full name is missing.' },
  'csv-name-too-long': { vi: 'Họ và tên quá dài (tối đa 200 ký tự).', en: 'The full name is too long (at most 200 characters).' },
  'csv-position-too-long': { vi: 'Chức vụ quá dài (tối đa 300 ký tự).', en: 'The position is too long (at most 300 characters).' },
  'csv-too-many-columns': { vi: 'Dòng có quá nhiều cột (chỉ cần Họ và tên, Chức vụ).', en: 'Too many columns (only full name and position are expected).' },
  'hidden-chars': {
    vi: 'Văn bản có ký tự ẩn hoặc ký tự điều khiển (thường do sao chép). Xin gõ lại.',
    en: 'The text contains hidden or control characters (often from copy and paste). Please type it again.',
  },
  'csv-control-chars': { vi: 'Có ký tự điều khiển (xuống dòng, ký tự ẩn) trong ô.', en: 'A cell contains control characters (line breaks or hidden characters).' },
  'csv-too-many-rows': { vi: 'Danh sách quá dài (tối đa 500 người).', en: 'The list is too long (at most 500 people).' },
  // The data file (shown at start, with the file's path)
  'database-damaged': {
    vi: 'Tệp dữ liệu bị hỏng. Không có gì được ghi vào tệp. Xin khôi phục bản sao lưu (xem docs/operations.md) hoặc chọn thư mục dữ liệu khác (DATA_DIR).',
    en: 'The data file is damaged. Nothing was written to it. Restore a backup (see docs/operations.md) or choose another data folder (DATA_DIR).',
  },
  'database-foreign': {
    vi: 'Tệp này không phải tệp dữ liệu của tinnhiem. Không có gì được ghi vào tệp. Xin chọn đúng thư mục dữ liệu (DATA_DIR).',
    en: 'This file is not a tinnhiem data file. Nothing was written to it. Choose the right data folder (DATA_DIR).',
  },
  'database-unwritable': {
    vi: 'Không ghi được vào thư mục dữ liệu (chỉ đọc hoặc không có quyền). Xin chọn thư mục khác (DATA_DIR) hoặc cấp quyền ghi.',
    en: 'The data folder cannot be written (read-only or no permission). Choose another folder (DATA_DIR) or grant write access.',
  },
  // The sealed ballot box (hòm phiếu điện tử niêm phong)
  'box-not-sealed': {
    vi: 'Chưa niêm phong hòm phiếu điện tử. Xin niêm phong (chia khóa cho Ban kiểm phiếu) hoặc chọn hòm không niêm phong trước khi mở bỏ phiếu.',
    en: 'The phone ballot box has not been sealed. Seal it (share its key among the tally committee) or choose an unsealed box before opening.',
  },
  'box-unsealed': { vi: 'Cuộc lấy phiếu này dùng hòm phiếu không niêm phong.', en: 'This vote uses an unsealed ballot box.' },
  'box-committee-too-small': {
    vi: 'Cần ít nhất 2 thành viên Ban kiểm phiếu để niêm phong hòm phiếu. Xin nhập Ban kiểm phiếu trước.',
    en: 'Sealing the box needs at least 2 tally committee members. Enter the committee first.',
  },
  'box-bad-threshold': { vi: 'Số người cần có mặt để mở hòm phải từ 2 đến số thành viên Ban kiểm phiếu.', en: 'The number of members needed to open the box must be from 2 to the committee size.' },
  'box-locked': {
    vi: 'Hòm phiếu điện tử còn niêm phong. Ban kiểm phiếu cần xuất trình đủ mảnh khóa để mở hòm trước khi xem kết quả.',
    en: 'The phone ballot box is still sealed. The tally committee must present enough key shares to open it before results can be seen.',
  },
  'box-share-format': { vi: 'Mảnh khóa gồm 53 ký tự. Xin kiểm tra lại mã in trên thẻ.', en: 'A key share has 53 characters. Check the code printed on the card.' },
  'box-share-wrong': { vi: 'Mảnh khóa không đúng với hòm phiếu này. Không có gì thay đổi.', en: 'This key share does not belong to this ballot box. Nothing was changed.' },
  'box-share-again': { vi: 'Mảnh khóa của thành viên này đã được xuất trình.', en: 'This member has already presented their share.' },
  'box-already-opened': { vi: 'Hòm phiếu điện tử đã được mở.', en: 'The phone ballot box has already been opened.' },
  'box-not-opened': { vi: 'Hòm phiếu điện tử chưa được mở: chưa có danh sách mã kiểm tra.', en: 'The phone ballot box has not been opened yet: there is no list of tracking codes.' },
  'box-needs-laptop': {
    vi: 'Niêm phong và mở hòm phiếu chỉ làm trên chính máy chủ (mở bảng điều khiển bằng http://localhost…), để mảnh khóa không đi qua mạng Wi-Fi.',
    en: 'Sealing and opening the box are done on the server laptop itself (open the console at http://localhost…), so that key shares never cross the Wi-Fi.',
  },
  'console-needs-laptop': {
    vi: 'Bảng điều khiển chỉ mở trên chính máy chủ (http://localhost…), để mật khẩu không đi qua mạng Wi-Fi. Muốn cho máy khác dùng, khởi động lại máy chủ với ADMIN_LAN=1.',
    en: 'The console opens only on the server laptop itself (http://localhost…), so that the password never crosses the Wi-Fi. To let other devices in, restart the server with ADMIN_LAN=1.',
  },
  'box-live-results': { vi: 'Hòm phiếu niêm phong không cho xem kết quả trực tiếp.', en: 'A sealed ballot box allows no live results.' },
  // Slips and casting (what a delegate can meet)
  'slip-unknown': { vi: 'Mã phiếu không đúng. Xin kiểm tra lại mã in trên phiếu hoặc liên hệ Ban kiểm phiếu.', en: 'This slip code is not valid. Check the code printed on the slip or contact the tally committee.' },
  'slip-void': { vi: 'Phiếu này đã bị hủy. Xin liên hệ Ban kiểm phiếu để nhận phiếu khác.', en: 'This slip has been voided. Contact the tally committee for another slip.' },
  'slip-used': { vi: 'Phiếu này đã được sử dụng.', en: 'This slip has already been used.' },
  'bad-seal': { vi: 'Không mở được phiếu đã niêm phong. Xin quét lại mã QR hoặc liên hệ Ban kiểm phiếu.', en: 'The sealed ballot could not be opened. Scan the QR code again or contact the tally committee.' },
  'bad-ballot': { vi: 'Nội dung phiếu không hợp lệ.', en: 'The ballot content is not valid.' },
  'slip-code-format': { vi: 'Mã phiếu gồm 11 ký tự, dạng XXXX-XXXXXXX. Xin kiểm tra lại mã in trên phiếu.', en: 'A slip code has 11 characters, like XXXX-XXXXXXX. Check the code printed on the slip.' },
  'slip-secret-missing': { vi: 'Đường dẫn thiếu phần bí mật của phiếu. Xin quét lại mã QR hoặc nhập mã in trên phiếu.', en: 'The link is missing the slip secret. Scan the QR code again or type the code printed on the slip.' },
  'protocol-outdated': { vi: 'Trang này đã cũ. Xin đồng chí tải lại trang (giữ nguyên đường dẫn).', en: 'This page is out of date. Please reload it (keep the same link).' },
  'storage-full': {
    vi: 'Phiếu của đồng chí chưa được ghi: máy chủ tạm thời hết chỗ lưu. Xin giữ trang này mở, phiếu sẽ được gửi lại tự động.',
    en: 'Your ballot has not been recorded yet: the server is out of storage for now. Keep this page open; it will be sent again automatically.',
  },
  'network': { vi: 'Mất kết nối mạng. Đang thử kết nối lại…', en: 'Network connection lost. Reconnecting…' },
} as const satisfies Record<string, { vi: string; en: string }>;

/** A string-literal union of every error code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The HTTP statuses errors are answered with: 400 bad input, 409 wrong state (docs/api.md). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503 | 507;

/**
 * The one HTTP status of each code, whoever throws it. A WebSocket reply carries only the
 * code; codes that never travel over HTTP (the data file's at start, the pages' own
 * `slip-code-format`, `slip-secret-missing` and `network`) still have the status they would
 * have, so that no code is without one.
 */
export const ERROR_STATUS = {
  'bad-request': 400,
  'bad-message': 400,
  'unknown-message': 400,
  'message-too-large': 413,
  'not-found': 404,
  'internal': 500,
  'rate-limited': 429,
  'too-many-connections': 503,
  'unauthorized': 401,
  'cross-origin': 403,
  'wrong-password': 401,
  'session-not-found': 404,
  'session-not-draft': 409,
  'session-not-open': 409,
  'session-not-closed': 409,
  'session-already-closed': 409,
  'bad-date': 400,
  'empty-title': 400,
  'unknown-preset': 400,
  'bad-base': 400,
  'preset-level-count': 400,
  'preset-bad-level-id': 400,
  'preset-duplicate-level': 400,
  'preset-empty-label': 400,
  'preset-duplicate-threshold': 400,
  'preset-unknown-level': 400,
  'preset-no-bounds': 400,
  'preset-bad-fraction': 400,
  'preset-empty-band': 400,
  'preset-bad-quorum': 400,
  'preset-id-changed': 400,
  'preset-sensitive-locked': 400,
  'preset-bad-address': 400,
  'no-persons': 409,
  'no-slips': 409,
  'quorum-not-met': 409,
  'too-many-slips': 400,
  'live-results-refused': 409,
  'bad-display-key': 403,
  'paper-mismatch': 409,
  'paper-same-operator': 409,
  'paper-limit': 409,
  'paper-entry-gone': 404,
  'paper-issued-too-low': 409,
  'paper-pending': 409,
  'paper-bad-marks': 400,
  'session-published': 409,
  'csv-empty-name': 400,
  'csv-name-too-long': 400,
  'csv-position-too-long': 400,
  'csv-too-many-columns': 400,
  'hidden-chars': 400,
  'csv-control-chars': 400,
  'csv-too-many-rows': 400,
  'database-damaged': 500,
  'database-foreign': 500,
  'database-unwritable': 500,
  'box-not-sealed': 409,
  'box-unsealed': 409,
  'box-committee-too-small': 409,
  'box-bad-threshold': 400,
  'box-locked': 409,
  'box-share-format': 400,
  'box-share-wrong': 400,
  'box-share-again': 409,
  'box-already-opened': 409,
  'box-not-opened': 404,
  'box-needs-laptop': 403,
  'console-needs-laptop': 403,
  'box-live-results': 409,
  'slip-unknown': 404,
  'slip-void': 409,
  'slip-used': 409,
  'bad-seal': 400,
  'bad-ballot': 400,
  'slip-code-format': 400,
  'slip-secret-missing': 400,
  'protocol-outdated': 400,
  'storage-full': 507,
  'network': 503,
} as const satisfies Record<ErrorCode, ErrorStatus>;

/** UI languages: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

/** Values some messages name, e.g. the session's own quorum ("1/2") in quorum-not-met. */
export type ErrorParams = Readonly<Record<string, string>>;

/** What a placeholder reads when its value is not known (never a bare "{quorum}"). */
const PARAM_FALLBACK: Record<string, Record<Lang, string>> = {
  quorum: { vi: 'tỉ lệ tối thiểu', en: 'the required share' },
};

/** The message a person sees for an error code, with its placeholders filled. */
export function errorMessage(code: ErrorCode, lang: Lang = 'vi', params: ErrorParams = {}): string {
  return ERROR_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? PARAM_FALLBACK[key]?.[lang] ?? '');
}

/** True when `code` is a known error code (for values that crossed the network). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/** An error with a code, thrown on the server and turned into a reply at the boundary. */
export class AppError extends Error {
  /** Always the code's own (ERROR_STATUS): one code never answers with two statuses. */
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    /** Values the message names; sent with the error so every face can fill it in. */
    readonly params?: ErrorParams,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}
