/**
 * Moments of the vote as the minutes write them, in Vietnam's time (Asia/Ho_Chi_Minh keeps
 * UTC+7 all year, with no daylight saving), whatever the server's clock or locale: fixed
 * arithmetic, no locale data, so the PDF, the print page and the .docx print the same text.
 */

function inVietnam(iso: string): Date | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : new Date(at + 7 * 3600_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:05 ngày 27/11/2026": the box's sealing and opening. */
export function vietnamTime(iso: string): string {
  const t = inVietnam(iso);
  if (!t) return iso;
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ngày ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** "08 giờ 05 phút, ngày 27/11/2026": the opening and closing of voting, as minutes state them. */
export function vietnamClock(iso: string): string {
  const t = inVietnam(iso);
  if (!t) return iso;
  return `${pad(t.getUTCHours())} giờ ${pad(t.getUTCMinutes())} phút, ngày ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
