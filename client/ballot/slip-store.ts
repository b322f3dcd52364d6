/**
 * What the phone keeps about a slip, only on the phone: the secret (so a reload works after
 * the address bar has dropped it), the choices until they are sent, and the sealed ballot
 * while it is being sent (so a reload resends exactly the same message). Once the ballot is
 * recorded, all of it is erased and only a "used" flag and the tracking code remain. A slip's
 * record not written for `STALE_DAYS` days is erased the next time the page opens, so a
 * vote that ended while the phone was away leaves no choices behind.
 */
import type { Address } from '../../shared/address';

/** The part of the Web Storage API the page uses. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
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
  /** How the vote addresses delegates, for the screens shown from storage alone. */
  address?: Address;
}

/** A Map standing in for localStorage when it is missing or throws (private modes). */
export function memoryStorage(): KeyValue {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
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

const SLIP_PREFIX = 'tinnhiem.slip.';
const slipKey = (slipId: string) => `${SLIP_PREFIX}${slipId}`;

/**
 * Days after its last write that a slip's record is kept: long enough to compare the tracking
 * code with the list published when the box is opened, short enough that a phone does not
 * carry a vote's traces for weeks.
 */
export const STALE_DAYS = 3;

/** Today as a whole number of days (UTC): the only time the phone notes, and only to forget. */
export const today = (): number => Math.floor(Date.now() / 86_400_000);

/** The stored form: the record and the day it was last written (`day`, never shown or sent). */
type Stored = SlipRecord & { day?: number };

function parse(text: string | null): Stored {
  try {
    const value = JSON.parse(text ?? '{}') as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Stored) : {};
  } catch {
    return {};
  }
}

export function loadSlip(kv: KeyValue, slipId: string): SlipRecord {
  const { day: _day, ...record } = parse(kv.getItem(slipKey(slipId)));
  return record;
}

export function saveSlip(kv: KeyValue, slipId: string, record: SlipRecord, day = today()): void {
  try {
    if (Object.keys(record).length === 0) kv.removeItem(slipKey(slipId));
    else kv.setItem(slipKey(slipId), JSON.stringify({ ...record, day }));
  } catch {
    // Storage full or refused: the page keeps working from memory.
  }
}

/**
 * Erase every slip record last written more than `STALE_DAYS` days before `now` (a record
 * from before records carried a day starts its count now). Returns how many were erased.
 */
export function forgetStaleSlips(kv: KeyValue, now = today()): number {
  let erased = 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < kv.length; i++) {
      const key = kv.key(i);
      if (key?.startsWith(SLIP_PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const stored = parse(kv.getItem(key));
      if (typeof stored.day !== 'number') kv.setItem(key, JSON.stringify({ ...stored, day: now }));
      else if (now - stored.day > STALE_DAYS) {
        kv.removeItem(key);
        erased++;
      }
    }
  } catch {
    // Storage refused: nothing to forget that could be read.
  }
  return erased;
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
