/**
 * Published (or live) results: per person in printed order, a stacked bar of the levels on
 * the preset's base, the count and percentage of each level, invalid marks under the bar
 * (only when there are some), and every threshold crossed highlighted with its consequence.
 * Fifteen people a page; pages turn by themselves.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatPercent } from '../../shared/format';
import { DISPLAY_STRINGS } from '../../shared/i18n/display';
import type { Lang } from '../../shared/errors';
import type { Level } from '../../shared/presets';
import type { PersonResult, TallyResult } from '../../shared/tally';
import { INVALID_COLOR, levelColor } from './colors';

export const PER_PAGE = 15;
export const PAGE_MS = 12_000;

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
        <span class="name" title={person.fullName}>{person.fullName}</span>
        <span class="position" title={person.position}>{person.position}</span>
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
  const pages = Math.max(1, Math.ceil(results.persons.length / PER_PAGE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const current = Math.min(page, pages - 1);
  const shown = results.persons.slice(current * PER_PAGE, (current + 1) * PER_PAGE);
  const showInvalid = results.base.id !== 'valid';
  // Each distinct threshold crossed on this page, with its consequence, once.
  const consequences = new Map<string, { label: string; consequence: string }>();
  for (const p of shown) for (const t of p.thresholds) consequences.set(t.id, { label: t.label[lang], consequence: t.consequence[lang] });

  return (
    <section class="results" data-testid="results" data-live={live ? 'true' : 'false'} style={{ '--levels': String(levels.length) }}>
      <div class="results-head">
        <p class="base-line" data-testid="base-line">
          {baseLine(results, lang)}
        </p>
        <span class="legend">
          {levels.map((level, i) => (
            <span key={level.id}>
              <i style={{ background: levelColor(level.id, i) }} />
              {level.label[lang]}
            </span>
          ))}
          {showInvalid && (
            <span>
              <i style={{ background: INVALID_COLOR }} />
              {s.invalid}
            </span>
          )}
        </span>
        {pages > 1 && (
          <p class="page-no" data-testid="page-no">
            {s.page(current + 1, pages)}
          </p>
        )}
      </div>
      {live && <p class="live-note">{s.liveResults}</p>}
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
      <div class="rows">
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
