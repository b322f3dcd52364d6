/**
 * Console strings for working in the hall (spread into ADMIN_STRINGS): what stays covered on a
 * laptop that may be mirrored on the projector, scanning the leftover slips with the camera,
 * and the paper tab's words once every paper ballot is keyed.
 */
import type { Lang } from '../errors';

const vi = {
  // Covered until asked for
  show: 'Hiện',
  hide: 'Ẩn',
  linkKeyHidden: 'khóa đã ẩn',
  linkHiddenHint: 'Khóa trong đường dẫn được ẩn vì màn hình máy tính có thể đang chiếu lên máy chiếu. Sao chép và mở dùng được cả khi đang ẩn.',
  // Leftover slips by camera
  leftoverScan: 'Quét mã QR các phiếu còn lại',
  leftoverScanStop: 'Xong, tắt camera',
  confirmLeftoverScan: 'Mỗi phiếu quét được bằng camera sẽ bị hủy ngay, không hỏi lại. Chỉ đưa vào camera các phiếu còn lại trên bàn, không phát ra. Bắt đầu quét?',
  leftoverScanHint: 'Đưa lần lượt từng phiếu còn lại vào trước camera, giữ yên đến khi nghe tiếng bíp.',
  leftoverScanCount: 'Đã hủy {n} phiếu bằng camera',
  leftoverScanRefusedCount: '{n} phiếu không hủy được',
  leftoverScanVoided: 'Đã hủy phiếu {id}.',
  leftoverScanRefused: 'Không hủy phiếu {id}:',
  leftoverScanNotSlip: 'Mã QR này không phải phiếu QR.',
  leftoverTypeHint: 'Không có camera? Gõ mã in trên phiếu vào ô dưới.',
  slipCameraDenied: 'Không được phép dùng camera. Xin gõ mã in trên phiếu vào ô dưới.',
  slipCameraNone: 'Máy này không có camera. Xin gõ mã in trên phiếu vào ô dưới.',
  slipCameraUnavailable: 'Trình duyệt chỉ cho dùng camera khi mở bảng điều khiển bằng http://localhost trên chính máy chủ. Ở địa chỉ này xin gõ mã in trên phiếu vào ô dưới.',
  slipCameraFailed: 'Không mở được camera. Xin gõ mã in trên phiếu vào ô dưới.',
  // Paper ballots all keyed
  paperNoneIssued: 'Chưa ghi số phiếu giấy đã phát: ghi số ở trên trước khi nhập phiếu.',
  paperAllRecorded: 'Đã ghi đủ {n} phiếu giấy đã phát: không còn phiếu giấy nào để nhập.',
  paperAllKeyed: 'Mọi phiếu giấy đã phát đều đã được nhập lần một; chỉ còn chờ người khác nhập lần hai.',
} satisfies Record<string, string>;

export type HallStrings = Record<keyof typeof vi, string>;

const en: HallStrings = {
  // Covered until asked for
  show: 'Show',
  hide: 'Hide',
  linkKeyHidden: 'key hidden',
  linkHiddenHint: 'The key in the link is hidden, as this screen may be mirrored on the projector. Copy and open work while it is hidden.',
  // Leftover slips by camera
  leftoverScan: 'Scan the leftover slips’ QR codes',
  leftoverScanStop: 'Done, turn the camera off',
  confirmLeftoverScan: 'Each slip the camera reads is voided at once, without asking again. Show the camera only the slips left on the table, not handed out. Start scanning?',
  leftoverScanHint: 'Hold each leftover slip in front of the camera in turn, still, until it beeps.',
  leftoverScanCount: '{n} slips voided by camera',
  leftoverScanRefusedCount: '{n} slips not voided',
  leftoverScanVoided: 'Slip {id} voided.',
  leftoverScanRefused: 'Slip {id} not voided:',
  leftoverScanNotSlip: 'This QR code is not a slip.',
  leftoverTypeHint: 'No camera? Type the codes printed on the slips below.',
  slipCameraDenied: 'The camera was not allowed. Please type the codes printed on the slips below.',
  slipCameraNone: 'This laptop has no camera. Please type the codes printed on the slips below.',
  slipCameraUnavailable: 'The browser allows the camera only when the console is opened at http://localhost on the server laptop. At this address, please type the codes printed on the slips below.',
  slipCameraFailed: 'The camera could not be started. Please type the codes printed on the slips below.',
  // Paper ballots all keyed
  paperNoneIssued: 'No paper ballots handed out yet: record the number above before keying.',
  paperAllRecorded: 'All {n} paper ballots handed out are recorded: none is left to key.',
  paperAllKeyed: 'Every paper ballot handed out has a first entry; only second entries by someone else remain.',
};

export const HALL_STRINGS: Record<Lang, HallStrings> = { vi, en };
