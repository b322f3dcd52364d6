/** Console-wide state: language, who is logged in, and where we are (the path under /admin). */
import { signal } from '@preact/signals';
import type { Lang } from '../../shared/errors';
import { formatText, type AdminTextKey } from '../../shared/i18n/admin';

const LANG_KEY = 'tinnhiem.admin.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export const lang = signal<Lang>(storedLang());
export function toggleLang(): void {
  lang.value = lang.value === 'vi' ? 'en' : 'vi';
  document.documentElement.lang = lang.value;
  try {
    localStorage.setItem(LANG_KEY, lang.value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** The operator's name once logged in; null before; undefined while checking. */
export const operator = signal<string | null | undefined>(undefined);
/** ADMIN_LAN=1 on the server: other devices may use the console (the header warns). */
export const adminLan = signal(false);

export const TABS = ['setup', 'people', 'committee', 'slips', 'run', 'paper', 'results', 'audit'] as const;
export type Tab = (typeof TABS)[number];
export type Route = { page: 'list' } | { page: 'session'; id: string; tab: Tab };

export function parseRoute(pathname: string): Route {
  const m = /^\/admin\/s\/([A-Za-z0-9_-]+)(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (!m) return { page: 'list' };
  const tab = (TABS as readonly string[]).includes(m[2] ?? '') ? (m[2] as Tab) : 'setup';
  return { page: 'session', id: m[1]!, tab };
}

export function routePath(route: Route): string {
  return route.page === 'list' ? '/admin' : `/admin/s/${route.id}/${route.tab}`;
}

export const route = signal<Route>(parseRoute(typeof location === 'undefined' ? '/admin' : location.pathname));

export function navigate(next: Route): void {
  route.value = next;
  const path = routePath(next);
  if (location.pathname !== path) history.pushState(null, '', path);
}

/** Translate a console string in the current language. */
export function t(key: AdminTextKey, vars?: Record<string, string | number>): string {
  return formatText(key, lang.value, vars);
}
