import type { Lang } from '../errors';

/**
 * The words the ballot page shares with the other faces. Apart from terms.ts, in a module of
 * their own, so that the page (35 KB gzip at most) loads only these.
 */
export interface PhoneTerms {
  committee: string;
  /** The session's state before voting opens. */
  notStarted: string;
}

export const PHONE_TERMS: Record<Lang, PhoneTerms> = {
  vi: { committee: 'Ban kiểm phiếu', notStarted: 'Chưa bắt đầu bỏ phiếu' },
  en: { committee: 'Tally committee', notStarted: 'Voting has not started' },
};

/** Each language's name in itself: a toggle shows the other one's. */
export const LANGUAGE_NAME: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };
