/**
 * The type size of a page of results, chosen on the screen itself: the largest size at which
 * every row on the page fits the space under the header, with each name and each position on
 * at most two lines, between a floor the back of the hall can read and a cap (docs/results.md,
 * "Type size on the projector"). Every length in a row is in `em` of this one size, so the
 * number of rows on the page sets it: fewer rows, bigger type. No text is ever cut to fit; when
 * even the floor cannot hold a page, the caller puts fewer people on it.
 */

/** Name type as fractions of the screen height; all other text in a row is 0.8 of it. */
export const NAME_MIN = 0.023;
export const NAME_MAX = 0.056;
/** The smallest text in a row (positions, percentages, labels) relative to the name. */
export const SMALL_RATIO = 0.8;
/** Lines a name or a position may take before the type gets smaller instead. */
const MAX_LINES = 2;

function linesOk(root: HTMLElement): boolean {
  for (const el of root.querySelectorAll<HTMLElement>('.name, .position')) {
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
    if (el.scrollWidth > el.clientWidth + 1) return false;
    if (lineHeight > 0 && el.clientHeight > MAX_LINES * lineHeight + 1) return false;
  }
  return true;
}

/** The rows (a flex child whose height the screen gives) hold all their content. */
function rowsOk(rows: HTMLElement): boolean {
  return rows.scrollHeight <= rows.clientHeight + 1 && rows.scrollWidth <= rows.clientWidth + 1;
}

/**
 * Set `section`'s font size to the largest size in [NAME_MIN, NAME_MAX] × screen height at
 * which `rows` fits; names and positions wrap to two lines at most, or, when a name is too long
 * for two lines even at the floor, as many as it needs. Returns the size, or null when the page
 * does not fit even at the floor (too many people on it).
 */
export function fitType(section: HTMLElement, rows: HTMLElement, screenHeight: number): number | null {
  const lo = NAME_MIN * screenHeight;
  const hi = NAME_MAX * screenHeight;
  const set = (px: number) => (section.style.fontSize = `${px.toFixed(2)}px`);
  for (const strict of [true, false]) {
    const fits = () => rowsOk(rows) && (!strict || linesOk(rows));
    set(lo);
    if (!fits()) continue;
    set(hi);
    if (fits()) return hi;
    // Binary search to within 1 % of the range: seven layouts of at most 15 rows.
    let [ok, bad] = [lo, hi];
    while (bad - ok > (hi - lo) / 100) {
      const mid = (ok + bad) / 2;
      set(mid);
      if (fits()) ok = mid;
      else bad = mid;
    }
    set(ok);
    return ok;
  }
  set(lo);
  return null;
}

/**
 * People a page, spread evenly: 16 people are two pages of 8, not 15 and 1, so no page gets
 * smaller type than it needs.
 */
export function pageSize(people: number, limit: number): number {
  const pages = Math.max(1, Math.ceil(people / Math.max(1, limit)));
  return Math.max(1, Math.ceil(people / pages));
}
