/**
 * The HTTP contract: every route of the API, keyed `"METHOD /path"`, with the TypeBox schemas
 * of its params, query, body and answers per status. The server registers its routes from
 * this table (server/routes/serve.ts, through @fastify/type-provider-typebox), so a handler's
 * input is typed by it and its answer checked against it; the console (client/admin/api.ts)
 * and the scripts (scripts/lib/client.ts) take their types from it, so a changed answer fails
 * to compile on every side. Errors are not listed per route: any route may answer
 * `{ error, message }` with the code's own status (shared/errors.ts).
 *
 * Pages import only types from here (`import type`): TypeBox stays on the server. The table
 * is written in two parts, shared/api/setup.ts and shared/api/vote.ts.
 */
import type { Static, TSchema } from 'typebox';
import { SETUP_ROUTES } from './api/setup';
import { VOTE_ROUTES } from './api/vote';

export { SessionIdParams, type RouteSchema } from './api/common';
export { MAX_SLIPS_PER_REQUEST, MAX_TEXT_CARRIED, PersonsBody, SessionBody, SessionPatch } from './api/setup';

/**
 * Every route but the pages themselves (server/plugins/pages.ts), the socket `/ws` and its
 * HTTP fallback `POST /api/message`, whose messages are the protocol's (shared/protocol.ts).
 */
export const API = { ...SETUP_ROUTES, ...VOTE_ROUTES };

export type Api = typeof API;
/** `"METHOD /path"` of every route. */
export type ApiRoute = keyof Api;
/** The routes answering JSON, which a client calls. */
export type JsonRoute = { [K in ApiRoute]: Api[K] extends { response: object } ? K : never }[ApiRoute];

type Part<K extends ApiRoute, P extends string> = Api[K] extends { [Q in P]: infer S extends TSchema } ? Static<S> : undefined;
export type RouteParams<K extends ApiRoute> = Part<K, 'params'>;
export type RouteQuery<K extends ApiRoute> = Part<K, 'querystring'>;
export type RouteBody<K extends ApiRoute> = Part<K, 'body'>;
/** The answer of a JSON route: the union of its answers over every status it declares. */
export type RouteAnswer<K extends ApiRoute> = Api[K] extends { response: infer R }
  ? { [S in keyof R]: R[S] extends TSchema ? Static<R[S]> : never }[keyof R]
  : never;

/** A part of a call: required when the route has it and it cannot be empty, else optional. */
type Slot<Name extends string, T> = [T] extends [undefined] ? { [N in Name]?: undefined } : {} extends T ? { [N in Name]?: T } : { [N in Name]: T };
/** What calling a route takes: `params` for the path, `query`, `body`. */
export type RouteInput<K extends ApiRoute> = Slot<'params', RouteParams<K>> & Slot<'query', RouteQuery<K>> & Slot<'body', RouteBody<K>>;
/** The input as a rest parameter: left out entirely when nothing in it is required. */
export type RouteInputArgs<K extends ApiRoute> = {} extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];
