/**
 * Numbers, percentages, dates and durations written the way each UI language writes them.
 * Vietnamese groups thousands with "." and writes decimals with ",": 1.234 and 66,67%.
 * Pure string functions (no Intl locale data needed), so the server, the PDF and every
 * browser print exactly the same text.
 */
import type { Lang } from './errors';

function groupThousands(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An integer count: "1.234" in Vietnamese, "1,234" in English. */
export function formatCount(n: number, lang: Lang = 'vi'): string {
  const sign = n < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(Math.trunc(n))), lang === 'vi' ? '.' : ',');
}

/**
 * A percentage already rounded by the tally (`displayPercent`): two decimals always shown,
 * "66,67%" / "66.67%". Null (a base of 0) prints as an en dash.
 */
export function formatPercent(value: number | null, lang: Lang = 'vi'): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const [whole, frac] = Math.abs(value).toFixed(2).split('.') as [string, string];
  const sign = value < 0 ? '-' : '';
  return lang === 'vi' ? `${sign}${groupThousands(whole, '.')},${frac}%` : `${sign}${groupThousands(whole, ',')}.${frac}%`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Split an ISO date "YYYY-MM-DD" (or the date part of a timestamp) into numbers. */
function dateParts(isoDate: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * Place and date as a Vietnamese document writes them: "Hạ Long, ngày 27 tháng 11 năm 2026".
 * Administrative style pads day and month below 10 with a zero ("ngày 05 tháng 03") so the
 * date cannot be altered by hand. English: "Hạ Long, 27 November 2026".
 */
export function formatPlaceDate(place: string, isoDate: string, lang: Lang = 'vi'): string {
  const p = dateParts(isoDate);
  const prefix = place.trim() ? `${place.trim()}, ` : '';
  if (!p) return `${prefix}${isoDate}`;
  if (lang === 'en') return `${prefix}${p.day} ${EN_MONTHS[p.month - 1] ?? p.month} ${p.year}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}ngày ${pad(p.day)} tháng ${pad(p.month)} năm ${p.year}`;
}

/** A date alone, "27/11/2026" (the same in both languages, as Vietnamese forms write it). */
export function formatShortDate(isoDate: string): string {
  const p = dateParts(isoDate);
  if (!p) return isoDate;
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

/** Elapsed time as a clock: "4:05" under an hour, "1:04:05" from an hour on. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** Vietnam keeps UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** Today's date in Vietnam, YYYY-MM-DD, whatever the machine's time zone: before 07:00 UTC+7 the UTC date is yesterday. */
export function vietnamDate(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A moment of the day in Vietnam's time, as Vietnamese forms write it whatever the machine's
 * time zone or locale: "14:05 27/11/2026", or "14:05:09 27/11/2026" with seconds (the log).
 * Never a two-digit year.
 */
export function formatVietnamMoment(iso: string, opts: { seconds?: boolean } = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const v = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(v.getUTCHours())}:${two(v.getUTCMinutes())}${opts.seconds ? `:${two(v.getUTCSeconds())}` : ''}`;
  return `${clock} ${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}
