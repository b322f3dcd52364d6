/**
 * The review step: every person with the chosen level. An unmarked person is said plainly to
 * make the ballot invalid for them; the delegate may go back or send anyway (a secret ballot
 * may be spoilt on purpose).
 */
import type { Lang } from '../../shared/errors';
import type { BallotStrings } from '../../shared/i18n/ballot';
import type { BallotSessionView } from '../../shared/protocol';
import { Heading } from './heading';

export interface ReviewProps {
  session: BallotSessionView;
  marks: Record<string, string>;
  t: BallotStrings;
  lang: Lang;
  onBack(): void;
  onSubmit(): void;
}

export function Review({ session, marks, t, lang, onBack, onSubmit }: ReviewProps) {
  const labels = new Map(session.levels.map((l) => [l.id, l.label[lang]]));
  const unmarked = session.persons.filter((p) => marks[p.id] === undefined).length;
  return (
    <main class="screen">
      <p class="eyebrow">{session.title}</p>
      <Heading>{t.reviewTitle}</Heading>
      <p class="intro">{t.reviewIntro}</p>
      {unmarked > 0 && (
        <p class="warn" role="alert">
          {t.unmarkedWarning(unmarked)}
        </p>
      )}
      <ol class="review">
        {session.persons.map((person, i) => {
          const level = marks[person.id];
          return (
            <li key={person.id} class={level === undefined ? 'unmarked' : undefined}>
              <span class="name">
                {i + 1}. {person.fullName}
              </span>
              {person.position && <span class="position">{person.position}</span>}
              {level === undefined ? (
                <span class="level none">
                  <strong>{t.unmarked}</strong> — {t.unmarkedPerson}
                </span>
              ) : (
                <strong class="level">{labels.get(level)}</strong>
              )}
            </li>
          );
        })}
      </ol>
      <div class="actions">
        <button type="button" class="primary" onClick={onSubmit}>
          {unmarked > 0 ? t.submitAnyway : t.submit}
        </button>
        <button type="button" class="secondary" onClick={onBack}>
          {t.back}
        </button>
      </div>
    </main>
  );
}
