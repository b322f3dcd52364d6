/** The login page: admin password and the operator's own name. */
import { useState } from 'preact/hooks';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCode } from './api';
import { operator, t, toggleLang } from './state';
import { ErrorNote } from './ui';

export function Login() {
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await call('POST /api/admin/login', { body: { password, ...(name.trim() ? { operator: name.trim() } : {}) } });
      operator.value = res.operator;
    } catch (err) {
      setError(errorCode(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form onSubmit={submit} class="card">
        <div class="row spread">
          <h1>{t('loginTitle')}</h1>
          <button type="button" class="link" onClick={toggleLang}>
            {t('langToggle')}
          </button>
        </div>
        <label>
          {t('password')}
          <input type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>
          {t('operatorName')}
          <input name="operator" maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <p class="hint">{t('operatorHint')}</p>
        <ErrorNote code={error} />
        <button type="submit" class="primary" disabled={busy || password === ''}>
          {t('login')}
        </button>
      </form>
    </main>
  );
}
