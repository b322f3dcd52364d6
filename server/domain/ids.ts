import { randomBytes } from 'node:crypto';

/** A random, URL-safe id (128 bits). */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

/** Now as an ISO string: the one clock the server's records use. */
export function nowIso(): string {
  return new Date().toISOString();
}
