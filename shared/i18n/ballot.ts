/**
 * Every string the delegate's ballot page shows, Vietnamese first. Error texts come from
 * shared/errors.ts; these are the page's own words. Functions take counts or names so word
 * order can differ between the two languages. The Vietnamese is written with the default
 * address ("đồng chí"); `ballotStrings` puts the vote's own (e.g. "đại biểu") in its place.
 */
import { DEFAULT_ADDRESS, withAddress, type Address } from '../address';
import { ERROR_MESSAGES, type Lang } from '../errors';
import { LANGUAGE_NAME, PHONE_TERMS } from './phone-terms';

export interface BallotStrings {
  langToggle: string;
  secretBallot: string;
  kind: { 'lay-phieu': string; 'bo-phieu': string };
  opening: string;
  openingHint: string;
  reconnecting: string;
  entryTitle: string;
  entryLabel: string;
  entryHint: string;
  entrySubmit: string;
  entryScanHint: string;
  waitingTitle: string;
  waitingBody: string;
  waitingKeepOpen: string;
  ballotIntro: string;
  personsTitle: (n: number) => string;
  progress: (done: number, total: number) => string;
  clearMark: string;
  clearMarkLabel: (name: string) => string;
  toReview: string;
  reviewTitle: string;
  reviewIntro: string;
  unmarked: string;
  unmarkedWarning: (n: number) => string;
  unmarkedPerson: string;
  back: string;
  submit: string;
  submitAnyway: string;
  submittingTitle: string;
  submittingBody: string;
  submittingOffline: string;
  recordedTitle: string;
  recordedBody: string;
  receiptLabel: string;
  receiptHint: string;
  usedTitle: string;
  usedBody: string;
  closedTitle: string;
  closedBody: string;
  errorTitle: string;
  notRecordedTitle: string;
  contact: string;
  /** How the messages name the tally committee, to avoid saying "contact them" twice. */
  committee: string;
  retry: string;
  typeCode: string;
}

const vi: BallotStrings = {
  langToggle: LANGUAGE_NAME.en,
  secretBallot: 'Bỏ phiếu kín',
  kind: { 'lay-phieu': 'Lấy phiếu tín nhiệm', 'bo-phieu': 'Bỏ phiếu tín nhiệm' },
  opening: 'Đang mở phiếu…',
  openingHint: 'Xin chờ trong giây lát.',
  reconnecting: ERROR_MESSAGES.network.vi,
  entryTitle: 'Mở phiếu tín nhiệm',
  entryLabel: 'Mã phiếu',
  entryHint: 'Nhập mã in trên phiếu, dạng XXXX-XXXXXXX. Không phân biệt chữ hoa, chữ thường.',
  entrySubmit: 'Mở phiếu',
  entryScanHint: 'Nếu điện thoại quét được mã QR trên phiếu thì không cần nhập mã.',
  waitingTitle: PHONE_TERMS.vi.notStarted,
  waitingBody: 'Khi Ban kiểm phiếu mở bỏ phiếu, phiếu sẽ tự hiện ra trên trang này.',
  waitingKeepOpen: 'Xin giữ trang này mở.',
  ballotIntro: 'Với mỗi người, chọn một mức tín nhiệm.',
  personsTitle: (n) => `Người được lấy phiếu tín nhiệm (${n})`,
  progress: (done, total) => `Đã đánh giá ${done}/${total}`,
  clearMark: 'Bỏ chọn',
  clearMarkLabel: (name) => `Bỏ chọn cho ${name}`,
  toReview: 'Xem lại phiếu',
  reviewTitle: 'Xem lại phiếu',
  reviewIntro: 'Kiểm tra lựa chọn trước khi gửi. Sau khi gửi, phiếu không thể sửa.',
  unmarked: 'Chưa đánh giá',
  unmarkedWarning: (n) =>
    `Còn ${n} người chưa được đánh giá. Phiếu sẽ không hợp lệ đối với ${n === 1 ? 'người' : 'những người'} này.`,
  unmarkedPerson: 'Phiếu không hợp lệ đối với người này.',
  back: 'Quay lại sửa',
  submit: 'Gửi phiếu',
  submitAnyway: 'Vẫn gửi phiếu',
  submittingTitle: 'Đang gửi phiếu…',
  submittingBody: 'Xin đừng đóng trang cho đến khi phiếu được ghi nhận.',
  submittingOffline: 'Mất kết nối mạng. Phiếu sẽ được gửi lại tự động, không bị tính hai lần.',
  recordedTitle: 'Phiếu của đồng chí đã được ghi nhận',
  recordedBody: 'Lựa chọn đã được xóa khỏi điện thoại. Đồng chí có thể đóng trang này.',
  receiptLabel: 'Mã kiểm tra phiếu',
  receiptHint: 'Khi Ban kiểm phiếu mở hòm phiếu, danh sách mã kiểm tra được công bố: đồng chí có thể đối chiếu. Mã chỉ chứng minh phiếu có trong hòm, không cho biết nội dung phiếu.',
  usedTitle: 'Phiếu này đã được sử dụng',
  usedBody: 'Mỗi phiếu chỉ được bỏ một lần. Nếu đồng chí đã bỏ phiếu này trên điện thoại hoặc trình duyệt khác, phiếu đã được ghi nhận. Nếu chưa, xin liên hệ Ban kiểm phiếu.',
  closedTitle: 'Cuộc lấy phiếu đã kết thúc',
  closedBody: 'Không thể gửi phiếu nữa. Nếu cần, xin liên hệ Ban kiểm phiếu.',
  errorTitle: 'Không mở được phiếu',
  notRecordedTitle: 'Phiếu chưa được ghi nhận',
  contact: 'Xin liên hệ Ban kiểm phiếu nếu cần hỗ trợ.',
  committee: PHONE_TERMS.vi.committee,
  retry: 'Thử lại',
  typeCode: 'Nhập mã phiếu',
};

const en: BallotStrings = {
  langToggle: LANGUAGE_NAME.vi,
  secretBallot: 'Secret ballot',
  kind: { 'lay-phieu': 'Confidence rating', 'bo-phieu': 'Vote of confidence' },
  opening: 'Opening the ballot…',
  openingHint: 'Please wait a moment.',
  reconnecting: ERROR_MESSAGES.network.en,
  entryTitle: 'Open your ballot',
  entryLabel: 'Slip code',
  entryHint: 'Type the code printed on the slip, like XXXX-XXXXXXX. Upper or lower case both work.',
  entrySubmit: 'Open ballot',
  entryScanHint: 'If your phone can scan the QR code on the slip, you do not need to type the code.',
  waitingTitle: 'Voting has not started yet',
  waitingBody: 'When the tally committee opens voting, the ballot will appear on this page by itself.',
  waitingKeepOpen: 'Please keep this page open.',
  ballotIntro: 'For each person, choose one level.',
  personsTitle: (n) => `People being rated (${n})`,
  progress: (done, total) => `Rated ${done} of ${total}`,
  clearMark: 'Clear',
  clearMarkLabel: (name) => `Clear the choice for ${name}`,
  toReview: 'Review ballot',
  reviewTitle: 'Review your ballot',
  reviewIntro: 'Check your choices before sending. A sent ballot cannot be changed.',
  unmarked: 'Not rated',
  unmarkedWarning: (n) =>
    `${n} ${n === 1 ? 'person is' : 'people are'} not rated. The ballot will be invalid for ${n === 1 ? 'that person' : 'them'}.`,
  unmarkedPerson: 'The ballot will be invalid for this person.',
  back: 'Go back and change',
  submit: 'Send ballot',
  submitAnyway: 'Send anyway',
  submittingTitle: 'Sending your ballot…',
  submittingBody: 'Please keep this page open until the ballot is recorded.',
  submittingOffline: 'Network connection lost. The ballot will be resent automatically and never counted twice.',
  recordedTitle: 'Your ballot has been recorded',
  recordedBody: 'Your choices have been erased from this phone. You may close this page.',
  receiptLabel: 'Tracking code',
  receiptHint: 'When the tally committee opens the ballot box, the list of tracking codes is published for you to check. The code proves your ballot is in the box; it says nothing of its content.',
  usedTitle: 'This slip has already been used',
  usedBody: 'Each slip votes once. If you voted with this slip on another phone or browser, your ballot was recorded. If you did not, please contact the tally committee.',
  closedTitle: 'Voting has ended',
  closedBody: 'Ballots can no longer be sent. Contact the tally committee if needed.',
  errorTitle: 'The ballot could not be opened',
  notRecordedTitle: 'The ballot was not recorded',
  contact: 'Contact the tally committee if you need help.',
  committee: 'tally committee',
  retry: 'Try again',
  typeCode: 'Type a slip code',
};

/** Every string of `strings` (and what each function returns) with the address put in. */
function addressed<T>(strings: T, address: Address): T {
  if (typeof strings === 'string') return withAddress(strings, address) as T;
  if (typeof strings === 'function') return ((...args: unknown[]) => withAddress((strings as (...a: unknown[]) => string)(...args), address)) as T;
  if (typeof strings !== 'object' || strings === null) return strings;
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, addressed(v, address)])) as T;
}

const byAddress = new Map<Address, BallotStrings>([[DEFAULT_ADDRESS, vi]]);

/** The ballot page's strings in `lang`, addressing the delegate as the vote says (Vietnamese only). */
export function ballotStrings(lang: Lang, address: Address = DEFAULT_ADDRESS): BallotStrings {
  if (lang === 'en') return en;
  let strings = byAddress.get(address);
  if (!strings) byAddress.set(address, (strings = addressed(vi, address)));
  return strings;
}
