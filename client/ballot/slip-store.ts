/**
 * What the phone keeps about a slip, only on the phone: the secret (so a reload works after
 * the address bar has dropped it), the choices until they are sent, and the sealed ballot
 * while it is being sent (so a reload resends exactly the same message). Once the ballot is
 * recorded, all of it is erased and only a "used" flag and the tracking code remain.
 */

/** The part of the Web Storage API the page uses. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingCast {
  nonce: string;
  sealed: string;
  auth: string;
  /** The tracking code of this sealed ballot (shown once it is recorded). */
  receipt: string;
}

export interface SlipRecord {
  secret?: string;
  /** Chosen level per person id; absent means not (yet) rated. */
  marks?: Record<string, string>;
  pending?: PendingCast;
  used?: true;
  /** After "recorded": the tracking code, which proves inclusion in the box, never content. */
  receipt?: string;
}

/** A Map standing in for localStorage when it is missing or throws (private modes). */
export function memoryStorage(): KeyValue {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** localStorage when it works, otherwise memory (the page still works, but not across reloads). */
export function browserStorage(): KeyValue {
  try {
    const probe = '__tinnhiem_probe';
    globalThis.localStorage.setItem(probe, '1');
    globalThis.localStorage.removeItem(probe);
    return globalThis.localStorage;
  } catch {
    return memoryStorage();
  }
}

const slipKey = (slipId: string) => `tinnhiem.slip.${slipId}`;

export function loadSlip(kv: KeyValue, slipId: string): SlipRecord {
  try {
    const value = JSON.parse(kv.getItem(slipKey(slipId)) ?? '{}') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SlipRecord) : {};
  } catch {
    return {};
  }
}

export function saveSlip(kv: KeyValue, slipId: string, record: SlipRecord): void {
  try {
    if (Object.keys(record).length === 0) kv.removeItem(slipKey(slipId));
    else kv.setItem(slipKey(slipId), JSON.stringify(record));
  } catch {
    // Storage full or refused: the page keeps working from memory.
  }
}

const LANG_KEY = 'tinnhiem.lang';

export function loadLang(kv: KeyValue): 'vi' | 'en' {
  try {
    return kv.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function saveLang(kv: KeyValue, lang: 'vi' | 'en'): void {
  try {
    kv.setItem(LANG_KEY, lang);
  } catch {
    // Not remembered; the toggle still works for this visit.
  }
}
