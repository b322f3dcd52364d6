/**
 * Registers a route of the HTTP contract (shared/api-contract.ts) with its schemas, through
 * the TypeBox type provider: the handler's params, query and body are typed by the contract,
 * and what it returns must be one of the answers the contract declares. Answers are
 * serialized by their schema (fast-json-stringify), so nothing undeclared leaves the server.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  ContextConfigDefault,
  FastifyInstance,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from 'fastify';
import { API, type Api, type ApiRoute } from '../../shared/api-contract';

export type RouteHandler<K extends ApiRoute> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  Api[K],
  TypeBoxTypeProvider
>;

/** What a route may add to its contract: hooks, config (rate limits), a body limit, a validator. */
export type RouteOptions<K extends ApiRoute> = Omit<
  RouteShorthandOptions<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, Api[K], TypeBoxTypeProvider>,
  'schema'
>;

export function serve<K extends ApiRoute>(app: FastifyInstance, route: K, handler: RouteHandler<K>): void;
export function serve<K extends ApiRoute>(app: FastifyInstance, route: K, options: RouteOptions<K>, handler: RouteHandler<K>): void;
export function serve<K extends ApiRoute>(app: FastifyInstance, route: K, ...rest: [RouteHandler<K>] | [RouteOptions<K>, RouteHandler<K>]): void {
  const [options, handler] = rest.length === 1 ? [{}, rest[0]] : rest;
  const space = route.indexOf(' ');
  const { produces: _produces, ...schema } = API[route] as Api[K] & { produces?: string };
  // The one cast of the contract: for a generic route K, TypeScript cannot pick among
  // Fastify's route() overloads; every caller's handler and options were checked above.
  app.route({
    ...options,
    method: route.slice(0, space) as HTTPMethods,
    url: route.slice(space + 1),
    schema,
    handler,
  } as unknown as Parameters<FastifyInstance['route']>[0]);
}
