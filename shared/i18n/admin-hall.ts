/**
 * Console strings for working in the hall (spread into ADMIN_TEXT): what stays covered on a
 * laptop that may be mirrored on the projector, scanning the leftover slips with the camera,
 * and the paper tab's words once every paper ballot is keyed.
 */
type T = { vi: string; en: string };

export const HALL_TEXT = {
  // Covered until asked for
  show: { vi: 'Hiện', en: 'Show' },
  hide: { vi: 'Ẩn', en: 'Hide' },
  linkKeyHidden: { vi: 'khóa đã ẩn', en: 'key hidden' },
  linkHiddenHint: {
    vi: 'Khóa trong đường dẫn được ẩn vì màn hình máy tính có thể đang chiếu lên máy chiếu. Sao chép và mở dùng được cả khi đang ẩn.',
    en: 'The key in the link is hidden, as this screen may be mirrored on the projector. Copy and open work while it is hidden.',
  },
  // Leftover slips by camera
  leftoverScan: { vi: 'Quét mã QR các phiếu còn lại', en: 'Scan the leftover slips’ QR codes' },
  leftoverScanStop: { vi: 'Xong, tắt camera', en: 'Done, turn the camera off' },
  confirmLeftoverScan: {
    vi: 'Mỗi phiếu quét được bằng camera sẽ bị hủy ngay, không hỏi lại. Chỉ đưa vào camera các phiếu còn lại trên bàn, không phát ra. Bắt đầu quét?',
    en: 'Each slip the camera reads is voided at once, without asking again. Show the camera only the slips left on the table, not handed out. Start scanning?',
  },
  leftoverScanHint: {
    vi: 'Đưa lần lượt từng phiếu còn lại vào trước camera, giữ yên đến khi nghe tiếng bíp.',
    en: 'Hold each leftover slip in front of the camera in turn, still, until it beeps.',
  },
  leftoverScanCount: { vi: 'Đã hủy {n} phiếu bằng camera', en: '{n} slips voided by camera' },
  leftoverScanRefusedCount: { vi: '{n} phiếu không hủy được', en: '{n} slips not voided' },
  leftoverScanVoided: { vi: 'Đã hủy phiếu {id}.', en: 'Slip {id} voided.' },
  leftoverScanRefused: { vi: 'Không hủy phiếu {id}:', en: 'Slip {id} not voided:' },
  leftoverScanNotSlip: { vi: 'Mã QR này không phải phiếu QR.', en: 'This QR code is not a slip.' },
  leftoverTypeHint: { vi: 'Không có camera? Gõ mã in trên phiếu vào ô dưới.', en: 'No camera? Type the codes printed on the slips below.' },
  slipCameraDenied: { vi: 'Không được phép dùng camera. Xin gõ mã in trên phiếu vào ô dưới.', en: 'The camera was not allowed. Please type the codes printed on the slips below.' },
  slipCameraNone: { vi: 'Máy này không có camera. Xin gõ mã in trên phiếu vào ô dưới.', en: 'This laptop has no camera. Please type the codes printed on the slips below.' },
  slipCameraUnavailable: {
    vi: 'Trình duyệt chỉ cho dùng camera khi mở bảng điều khiển bằng http://localhost trên chính máy chủ. Ở địa chỉ này xin gõ mã in trên phiếu vào ô dưới.',
    en: 'The browser allows the camera only when the console is opened at http://localhost on the server laptop. At this address, please type the codes printed on the slips below.',
  },
  slipCameraFailed: { vi: 'Không mở được camera. Xin gõ mã in trên phiếu vào ô dưới.', en: 'The camera could not be started. Please type the codes printed on the slips below.' },
  // Paper ballots all keyed
  paperNoneIssued: { vi: 'Chưa ghi số phiếu giấy đã phát: ghi số ở trên trước khi nhập phiếu.', en: 'No paper ballots handed out yet: record the number above before keying.' },
  paperAllRecorded: {
    vi: 'Đã ghi đủ {n} phiếu giấy đã phát: không còn phiếu giấy nào để nhập.',
    en: 'All {n} paper ballots handed out are recorded: none is left to key.',
  },
  paperAllKeyed: {
    vi: 'Mọi phiếu giấy đã phát đều đã được nhập lần một; chỉ còn chờ người khác nhập lần hai.',
    en: 'Every paper ballot handed out has a first entry; only second entries by someone else remain.',
  },
} satisfies Record<string, T>;
