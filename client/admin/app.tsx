/** The console: login, then the list of votes or one vote with its tabs. */
import { useEffect } from 'preact/hooks';
import { call, setUnauthorizedHandler } from './api';
import { ConfirmHost } from './confirm';
import { Header } from './header';
import { Login } from './login';
import { SessionList } from './session-list';
import { SessionView } from './session-view';
import { adminLan, lang, operator, parseRoute, route, t } from './state';

export function App() {
  useEffect(() => {
    setUnauthorizedHandler(() => {
      operator.value = null;
    });
    document.documentElement.lang = lang.value;
    call('GET /api/admin/me').then(
      (me) => {
        operator.value = me.operator;
        adminLan.value = me.lan;
      },
      () => (operator.value = null),
    );
    const onPop = () => (route.value = parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  if (operator.value === undefined) return <p class="loading">{t('loading')}</p>;
  if (operator.value === null) return <Login />;
  const current = route.value;
  return (
    <>
      <Header />
      {adminLan.value && (
        <p class="warn lan-warning" role="alert" data-testid="admin-lan-warning">
          {t('adminLanWarning')}
        </p>
      )}
      <main class="content">{current.page === 'list' ? <SessionList /> : <SessionView key={current.id} id={current.id} tab={current.tab} />}</main>
      <ConfirmHost />
    </>
  );
}
