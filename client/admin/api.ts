/**
 * The console's HTTP calls: JSON in and out, errors turned into codes a person can read.
 * `call` is typed by the HTTP contract (shared/api-contract.ts, types only: no TypeBox in
 * the page): the route names its params, query and body, and the answer's type.
 */
import type { ApiRoute, JsonRoute, RouteAnswer, RouteInput, RouteInputArgs } from '../../shared/api-contract';
import { routeRequest } from '../../shared/api-path';
import { isErrorCode, type ErrorCode } from '../../shared/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(code);
  }
}

/** Called on any 401, so the app can show the login page again. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Call a route of the contract: `call('GET /api/admin/sessions/:id', { params: { id } })`. */
export function call<K extends JsonRoute>(route: K, ...[input]: RouteInputArgs<K>): Promise<RouteAnswer<K>> {
  const { method, path, body } = routeRequest(route, input);
  return api<RouteAnswer<K>>(method, path, body);
}

/** The path of a route that answers a page or a file (print pages, downloads), for a link. */
export function routeHref<K extends ApiRoute>(route: K, ...[input]: RouteInputArgs<K>): string {
  return routeRequest(route, input).path;
}

export type { RouteAnswer, RouteInput };

/** An untyped call by method and path; the console's calls move to `call` (typed by the contract). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const code = (json as { error?: unknown } | undefined)?.error;
    if (res.status === 401 && path !== '/api/admin/login') onUnauthorized();
    throw new ApiError(res.status, isErrorCode(code) ? code : 'internal');
  }
  return json as T;
}

/** The error code of anything thrown by `api`, for messages. */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof ApiError ? err.code : 'internal';
}
