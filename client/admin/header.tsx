/** The top bar: where phones must connect (with a QR to test it), language, who is logged in. */
import { call } from './api';
import { Qr } from '../qr';
import { lang, navigate, operator, t, toggleLang } from './state';
import type { Network } from './types';
import { useLoad } from './ui';

export function Header() {
  const { data: net } = useLoad('GET /api/admin/network');
  const logout = async () => {
    await call('POST /api/admin/logout').catch(() => undefined);
    operator.value = null;
  };
  const first = net?.urls[0];
  return (
    <header class="top">
      <div class="brand">
        <a
          href="/admin"
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'list' });
          }}
        >
          {t('appName')}
        </a>
      </div>
      <section class="lan" aria-label={t('lanTitle')}>
        <div>
          <div class="lan-title">{t('lanTitle')}</div>
          {net && first ? (
            <>
              <div class="lan-url" data-testid="lan-url">
                {first}
              </div>
              {net.urls.slice(1).map((u) => (
                <div class="lan-other" key={u}>
                  {u}
                </div>
              ))}
              <div class="hint">{t('lanHint')}</div>
            </>
          ) : (
            net && <div class="warn">{t('lanNone')}</div>
          )}
        </div>
        {first && <Qr text={`${first}/`} size={96} label={first} />}
      </section>
      <div class="who">
        <button type="button" class="link" onClick={toggleLang} lang={lang.value === 'vi' ? 'en' : 'vi'}>
          {t('langToggle')}
        </button>
        <span>{t('loggedInAs', { name: operator.value ?? '' })}</span>
        <button type="button" onClick={logout}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}
