import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe id (128 bits). */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

/** Now as an ISO string: the one clock the server's records use. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Compare two secrets (keys, proofs) in constant time. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
