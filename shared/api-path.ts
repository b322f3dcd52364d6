/**
 * Turns a call of the HTTP contract (shared/api-contract.ts) into a request: the method,
 * the path with its params filled in and its query appended, and the body. No TypeBox here:
 * the console imports this at run time and only types from the contract.
 */
import type { ApiRoute, RouteInput } from './api-contract';

export interface RouteRequest {
  method: string;
  path: string;
  body: unknown;
}

export function routeRequest<K extends ApiRoute>(route: K, input: RouteInput<K> = {} as RouteInput<K>): RouteRequest {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const params = (input.params ?? {}) as Record<string, string>;
  let path = route.slice(space + 1).replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = Object.entries((input.query ?? {}) as Record<string, string | undefined>).filter((e): e is [string, string] => e[1] !== undefined);
  if (query.length > 0) path += `?${new URLSearchParams(query).toString()}`;
  return { method, path, body: input.body };
}
