/**
 * The ballot itself: each person a labelled radio group (fieldset + legend, real radio
 * inputs), so it works with a keyboard and a screen reader as well as with a thumb.
 */
import type { Lang } from '../../shared/errors';
import type { BallotStrings } from '../../shared/i18n/ballot';
import type { BallotSessionView } from '../../shared/protocol';
import { SessionHead } from './session-head';

export interface BallotFormProps {
  session: BallotSessionView;
  marks: Record<string, string>;
  t: BallotStrings;
  lang: Lang;
  onMark(personId: string, levelId: string | null): void;
  onReview(): void;
}

export function BallotForm({ session, marks, t, lang, onMark, onReview }: BallotFormProps) {
  const total = session.persons.length;
  const done = session.persons.filter((p) => marks[p.id] !== undefined).length;
  return (
    <main class="screen">
      <SessionHead session={session} t={t} lang={lang} />
      <p class="intro">{t.ballotIntro}</p>
      <h2 class="sr-only">{t.personsTitle(total)}</h2>
      <ol class="persons">
        {session.persons.map((person, i) => {
          const chosen = marks[person.id];
          return (
            <li key={person.id}>
              <fieldset class="person">
                <legend>
                  <span class="name">
                    {i + 1}. {person.fullName}
                  </span>
                  {person.position && <span class="position">{person.position}</span>}
                </legend>
                <div class="choices">
                  {session.levels.map((level) => (
                    <label key={level.id} class={chosen === level.id ? 'choice on' : 'choice'}>
                      <input
                        type="radio"
                        name={`person-${person.id}`}
                        value={level.id}
                        checked={chosen === level.id}
                        onChange={() => onMark(person.id, level.id)}
                      />
                      <span>{level.label[lang]}</span>
                    </label>
                  ))}
                </div>
                {chosen !== undefined && (
                  <button type="button" class="link clear" aria-label={t.clearMarkLabel(person.fullName)} onClick={() => onMark(person.id, null)}>
                    {t.clearMark}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="dock">
        <p class="progress" aria-live="polite">
          <span>{t.progress(done, total)}</span>
          <span class="meter" aria-hidden="true">
            <span style={{ width: `${total === 0 ? 0 : (100 * done) / total}%` }} />
          </span>
        </p>
        <button type="button" class="primary" onClick={onReview}>
          {t.toReview}
        </button>
      </div>
    </main>
  );
}
