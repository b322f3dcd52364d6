import type { Lang } from '../errors';

/**
 * A per-language table read key first: `byKey(table).key.vi` is `table.vi.key`. Only for call
 * sites still written against the older key-first shape; new code reads `table[lang]`.
 */
export function byKey<S extends object>(table: Record<Lang, S>): { [K in keyof S]: Record<Lang, S[K]> } {
  const view = {} as { [K in keyof S]: Record<Lang, S[K]> };
  for (const key of Object.keys(table.vi) as (keyof S)[]) view[key] = { vi: table.vi[key], en: table.en[key] };
  return view;
}
