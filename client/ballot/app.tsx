/** The delegate's page: a header with the language toggle, then the page the route names. */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../shared/errors';
import { ballotStrings } from '../../shared/i18n/ballot';
import { BallotPage, LinkBanner } from './ballot-page';
import { CodeEntry } from './code-entry';
import type { Route } from './route';
import { Failure } from './screens';
import { loadLang, saveLang, type KeyValue } from './slip-store';

export interface AppProps {
  route: Route;
  storage: KeyValue;
  navigate(path: string): void;
}

export function App({ route, storage, navigate }: AppProps) {
  const [lang, setLang] = useState<Lang>(() => loadLang(storage));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const t = ballotStrings(lang);
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const toggle = () => {
    saveLang(storage, other);
    setLang(other);
  };
  return (
    <div class="page">
      <header class="bar">
        <span class="brand">{t.secretBallot}</span>
        <button type="button" class="lang" lang={other} onClick={toggle}>
          {t.langToggle}
        </button>
      </header>
      {route.kind === 'slip' && <LinkBanner controller={route.controller} t={t} />}
      {route.kind === 'entry' && <CodeEntry t={t} lang={lang} navigate={navigate} />}
      {route.kind === 'slip' && <BallotPage controller={route.controller} lang={lang} />}
      {route.kind === 'bad-link' && <Failure code={route.code} t={t} lang={lang} />}
    </div>
  );
}
