/**
 * Published (or live) results: per person in printed order, a stacked bar of the levels on
 * the preset's base, the count and percentage of each level, invalid marks under the bar
 * (only when there are some), and every threshold crossed highlighted with its consequence.
 * At most fifteen people a page, spread evenly over the pages; pages turn by themselves, or
 * with a presenter's clicker (Page Down / Page Up, arrow keys). The type size is fitted to the
 * page on the screen itself (fit-type.ts): names and positions wrap, never cut.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatCount, formatPercent } from '../../shared/format';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import type { Lang } from '../../shared/errors';
import type { Level } from '../../shared/presets';
import type { PersonResult, TallyResult } from '../../shared/tally';
import { INVALID_COLOR, levelColor } from './colors';
import { fitType, pageSize } from './fit-type';
import { Swatch } from './swatch';

export const PER_PAGE = 15;
export const PAGE_MS = 12_000;

const NEXT_KEYS = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

/** The base as a screen names it: "Tỉ lệ trên tổng số phiếu thu về: 48". */
export function baseLine(results: TallyResult, lang: Lang): string {
  const s = DISPLAY_STRINGS[lang];
  const label = results.base.label[lang];
  if (results.base.id === 'valid') return s.basePerPerson(label);
  const value = results.persons[0]?.base ?? (results.base.id === 'summoned' ? results.summoned : results.collected.total);
  return s.baseLine(label, formatCount(value, lang));
}

function Bar({ person, levels, showInvalid }: { person: PersonResult; levels: Level[]; showInvalid: boolean }) {
  const base = person.base;
  let x = 0;
  const segments = levels.map((level, i) => ({ id: level.id, count: person.counts[level.id] ?? 0, color: levelColor(level.id, i) }));
  if (showInvalid) segments.push({ id: 'invalid', count: person.invalid, color: INVALID_COLOR });
  return (
    <svg class="bar" viewBox="0 0 1000 100" preserveAspectRatio="none" aria-hidden="true">
      <rect x="0" y="0" width="1000" height="100" class="bar-track" />
      {base > 0 &&
        segments.map((seg) => {
          const width = (seg.count / base) * 1000;
          const rect = <rect key={seg.id} x={x} y="0" width={width} height="100" fill={seg.color} data-level={seg.id} />;
          x += width;
          return rect;
        })}
    </svg>
  );
}

function Row({ person, levels, lang, showInvalid }: { person: PersonResult; levels: Level[]; lang: Lang; showInvalid: boolean }) {
  const s = DISPLAY_STRINGS[lang];
  const crossed = person.thresholds.length > 0;
  return (
    <div class={crossed ? 'row crossed' : 'row'} data-testid="result-row" data-order={person.order}>
      <span class="order">{person.order}</span>
      <span class="who">
        <span class="name">{person.fullName}</span>
        {person.position && <span class="position">{person.position}</span>}
      </span>
      <span class="bar-cell">
        <Bar person={person} levels={levels} showInvalid={showInvalid} />
        {person.invalid > 0 && (
          <span class="invalid-note" data-testid="invalid-note">
            {s.invalidNote(formatCount(person.invalid, lang), showInvalid ? formatPercent(person.invalidPercent, lang) : null)}
          </span>
        )}
      </span>
      {levels.map((level) => (
        <span class="cell" key={level.id} data-level={level.id}>
          <span class="count">{formatCount(person.counts[level.id] ?? 0, lang)}</span>
          <span class="percent">{formatPercent(person.percents[level.id] ?? null, lang)}</span>
        </span>
      ))}
      <span class="threshold">
        {person.thresholds.map((t) => (
          <span class="tag" key={t.id}>
            {t.label[lang]}
          </span>
        ))}
      </span>
    </div>
  );
}

export function ResultsView({ results, live, levels, lang }: { results: TallyResult; live: boolean; levels: Level[]; lang: Lang }) {
  const s = DISPLAY_STRINGS[lang];
  // People a page: at most PER_PAGE, fewer when the type floor cannot hold them. `probe` is
  // the page being tried while the pages are sized (each try re-renders within the same task,
  // before the screen paints); null once every page fits.
  const [limit, setLimit] = useState(PER_PAGE);
  const [probe, setProbe] = useState<number | null>(0);
  const [page, setPage] = useState(0);
  // Bumped when the screen changes size or the bundled font arrives: the pages are sized again.
  const [screen, setScreen] = useState(0);
  const sizedFor = useRef<unknown[] | null>(null);
  const size = pageSize(results.persons.length, limit);
  const pages = Math.max(1, Math.ceil(results.persons.length / size));
  const current = Math.min(page, pages - 1);
  const showing = probe === null ? current : Math.min(probe, pages - 1);
  const shown = results.persons.slice(showing * size, (showing + 1) * size);
  const showInvalid = results.base.id !== 'valid';
  const withTags = shown.some((p) => p.thresholds.length > 0);
  const section = useRef<HTMLElement>(null);
  const table = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const again = () => setScreen((n) => n + 1);
    window.addEventListener('resize', again);
    document.fonts?.addEventListener('loadingdone', again);
    return () => {
      window.removeEventListener('resize', again);
      document.fonts?.removeEventListener('loadingdone', again);
    };
  }, []);

  // Each page stays PAGE_MS from when it came, whether it came by itself or by a key.
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setTimeout(() => setPage((current + 1) % pages), PAGE_MS);
    return () => clearTimeout(timer);
  }, [pages, current]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (NEXT_KEYS.has(e.key)) setPage((current + 1) % pages);
      else if (PREVIOUS_KEYS.has(e.key)) setPage((current - 1 + pages) % pages);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pages, current]);

  // After every layout: fit the type to the page on screen; while sizing, try the next page.
  useLayoutEffect(() => {
    const el = section.current;
    const list = table.current;
    if (!el || !list) return;
    el.style.setProperty('--levels', String(levels.length));
    const inputs = [results, lang, screen];
    if (!sizedFor.current || inputs.some((v, i) => v !== sizedFor.current![i])) {
      sizedFor.current = inputs;
      if (limit !== PER_PAGE || probe !== 0) {
        setLimit(PER_PAGE);
        setProbe(0);
        return;
      }
    }
    const fitted = fitType(el, list, window.innerHeight);
    if (fitted === null && size > 1) {
      setLimit(size - 1);
      setProbe(0);
    } else if (probe !== null) {
      setProbe(probe + 1 < pages ? probe + 1 : null);
    }
  });

  // Each distinct threshold crossed on this page, with its consequence, once.
  const consequences = new Map<string, { label: string; consequence: string }>();
  for (const p of shown) for (const t of p.thresholds) consequences.set(t.id, { label: t.label[lang], consequence: t.consequence[lang] });

  return (
    <section ref={section} class={withTags ? 'results with-tags' : 'results'} data-testid="results" data-live={live ? 'true' : 'false'} data-page={showing + 1} data-pages={pages}>
      <div class="results-head">
        <p class="base-line" data-testid="base-line">
          {baseLine(results, lang)}
        </p>
        <p class="legend">
          {levels.map((level, i) => (
            <span key={level.id}>
              <Swatch color={levelColor(level.id, i)} />
              {level.label[lang]}
            </span>
          ))}
          {showInvalid && (
            <span>
              <Swatch color={INVALID_COLOR} />
              {s.invalid}
            </span>
          )}
        </p>
        {pages > 1 && (
          <p class="page-no" data-testid="page-no">
            {s.page(showing + 1, pages)}
          </p>
        )}
      </div>
      {live && <p class="live-note">{s.liveResults}</p>}
      <div class="table" ref={table}>
        <div class="row row-head">
          <span class="order" />
          <span class="who" />
          <span />
          {levels.map((level) => (
            <span class="cell" key={level.id}>
              {level.label[lang]}
            </span>
          ))}
          <span class="threshold" />
        </div>
        {shown.map((person) => (
          <Row key={person.personId} person={person} levels={levels} lang={lang} showInvalid={showInvalid} />
        ))}
      </div>
      {consequences.size > 0 && (
        <div class="consequences" data-testid="consequences">
          {[...consequences.values()].map((c) => (
            <p key={c.label}>
              <strong>{c.label}:</strong> {c.consequence}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
