import type { Lang } from '../../shared/errors';
import type { BallotStrings } from '../../shared/i18n/ballot';
import type { BallotSessionView } from '../../shared/protocol';
import { Heading } from './heading';

/** The vote's title, organisation and one-line rule, as on the printed ballot. */
export function SessionHead({ session, t, lang }: { session: BallotSessionView; t: BallotStrings; lang: Lang }) {
  return (
    <div class="session-head">
      <p class="eyebrow">{t.kind[session.kind]}</p>
      <Heading>{session.title}</Heading>
      <p class="org">{session.organisation}</p>
      <p class="rule">{session.rule[lang]}</p>
    </div>
  );
}
