/**
 * Words more than one face says, written once here: the counts and headings of the
 * regulation that the console, the projector and the results must print alike. Each table
 * takes its word from here; those the ballot page shares too are in phone-terms.ts.
 */
import type { Lang } from '../errors';

export interface Terms {
  issued: string;
  collected: string;
  summoned: string;
  present: string;
  valid: string;
  invalid: string;
  /** A mark or a sheet that counts for no level. */
  invalidMark: string;
  fullName: string;
  position: string;
  results: string;
  fingerprint: string;
  /** The session's state while it is open. */
  votingOpen: string;
  openDisplay: string;
  loading: string;
}

export const TERMS: Record<Lang, Terms> = {
  vi: {
    issued: 'Tổng số phiếu phát ra',
    collected: 'Tổng số phiếu thu về',
    summoned: 'Số người được triệu tập',
    present: 'Số người có mặt',
    valid: 'Số phiếu hợp lệ',
    invalid: 'Số phiếu không hợp lệ',
    invalidMark: 'Không hợp lệ',
    fullName: 'Họ và tên',
    position: 'Chức vụ',
    results: 'Kết quả kiểm phiếu',
    fingerprint: 'Dấu vân tay hòm phiếu',
    votingOpen: 'Đang bỏ phiếu',
    openDisplay: 'Mở màn hình chiếu',
    loading: 'Đang tải…',
  },
  en: {
    issued: 'Ballots handed out',
    collected: 'Ballots collected',
    summoned: 'Summoned',
    present: 'Present',
    valid: 'Valid',
    invalid: 'Invalid',
    invalidMark: 'Invalid',
    fullName: 'Full name',
    position: 'Position',
    results: 'Results',
    fingerprint: 'Box fingerprint',
    votingOpen: 'Voting is open',
    openDisplay: 'Open the display',
    loading: 'Loading…',
  },
};
