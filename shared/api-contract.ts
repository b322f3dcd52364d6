/**
 * The HTTP contract: every route of the API, keyed `"METHOD /path"`, with the TypeBox schemas
 * of its params, query, body and answers per status. The server registers its routes from
 * this table (server/routes/serve.ts, through @fastify/type-provider-typebox), so a handler's
 * input is typed by it and its answer checked against it; the console (client/admin/api.ts)
 * and the scripts (scripts/lib/client.ts) take their types from it, so a changed answer fails
 * to compile on every side. Errors are not listed per route: any route may answer
 * `{ error, message }` with the code's own status (shared/errors.ts).
 *
 * Pages import only types from here (`import type`): TypeBox stays on the server.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { MAX_IMPORT_ROWS } from './csv';
import {
  AuditRowSchema,
  CommitteeMemberSchema,
  ImportPreviewSchema,
  PersonRecordSchema,
  PresetSchema,
  SessionDetailSchema,
  SessionSummarySchema,
  SlipRecordSchema,
  TallyResultSchema,
  TurnoutSchema,
} from './api-schemas';

const strict = { additionalProperties: false } as const;

/** The most a name or position field may carry in a body; its real limit is checked after NFC. */
export const MAX_TEXT_CARRIED = 10_000;
/** The most slips one request may issue: more than any hall needs, and a bound on the work one request can ask for. */
export const MAX_SLIPS_PER_REQUEST = 2000;

const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' });
export const SessionIdParams = Type.Object({ id: Id });
const Count = Type.Integer({ minimum: 0, maximum: 100000 });
const Name = (max: number) => Type.String({ maxLength: max });

export const SessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    organisation: Name(300),
    place: Name(200),
    locality: Type.Optional(Name(100)),
    heldOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    presetId: Type.String({ maxLength: 60 }),
    base: Type.Optional(Type.Enum(['collected', 'ballots', 'summoned', 'valid'])),
    summoned: Count,
    present: Count,
  },
  strict,
);
export const SessionPatch = Type.Partial(SessionBody, strict);

export const PersonsBody = Type.Object(
  {
    persons: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ maxLength: 40 })),
          // Lengths are measured once, after NFC, by personError (csv-name-too-long…): the
          // schema only bounds what a body may carry.
          fullName: Type.String({ maxLength: MAX_TEXT_CARRIED }),
          position: Type.String({ maxLength: MAX_TEXT_CARRIED }),
        },
        strict,
      ),
      { maxItems: 500 },
    ),
  },
  strict,
);

const Session = { params: SessionIdParams } as const;
const detail = { 200: SessionDetailSchema } as const;

/** What the table holds for one route. */
export interface RouteSchema {
  params?: TSchema;
  querystring?: TSchema;
  headers?: TSchema;
  body?: TSchema;
  /** JSON answers by status. Absent for a route whose answer is a page or a file (`produces`). */
  response?: Readonly<Record<number, TSchema>>;
  /** The content type of an answer that is not JSON: opened as a link or a download, not called. */
  produces?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const API = {
  // Sessions, people rated, slips, opening and closing (server/routes/sessions.ts)
  'GET /api/admin/presets': { response: { 200: Type.Object({ presets: Type.Array(PresetSchema) }) } },
  'GET /api/admin/sessions': { response: { 200: Type.Object({ sessions: Type.Array(SessionSummarySchema) }) } },
  'POST /api/admin/sessions': { body: SessionBody, response: { 201: SessionDetailSchema } },
  'GET /api/admin/sessions/:id': { ...Session, response: detail },
  'PATCH /api/admin/sessions/:id': { ...Session, body: SessionPatch, response: detail },
  'PUT /api/admin/sessions/:id/persons': { ...Session, body: PersonsBody, response: { 200: Type.Object({ persons: Type.Array(PersonRecordSchema) }) } },
  'GET /api/admin/sessions/:id/slips': {
    ...Session,
    querystring: Type.Object({ state: Type.Optional(Type.Enum(['unused', 'used', 'void'])) }),
    response: { 200: Type.Object({ slips: Type.Array(SlipRecordSchema) }) },
  },
  'POST /api/admin/sessions/:id/slips': {
    ...Session,
    body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: MAX_SLIPS_PER_REQUEST }) }, strict),
    response: { 201: Type.Object({ slips: Type.Array(SlipRecordSchema) }) },
  },
  'POST /api/admin/sessions/:id/slips/void': {
    ...Session,
    body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, strict),
    response: { 200: Type.Object({ voided: Type.Array(Type.String()) }) },
  },
  'POST /api/admin/sessions/:id/slips/void-unused': { ...Session, response: { 200: Type.Object({ count: Type.Integer() }) } },
  /** The body may be left out: no override. */
  'POST /api/admin/sessions/:id/open': { ...Session, body: Type.Object({ overrideQuorum: Type.Optional(Type.Boolean()) }, strict), response: detail },
  'POST /api/admin/sessions/:id/close': { ...Session, response: detail },
  /** Fold the write-ahead log into the file again after a close that could not. */
  'POST /api/admin/sessions/:id/scrub': { ...Session, response: detail },
  'GET /api/admin/sessions/:id/turnout': { ...Session, response: { 200: TurnoutSchema } },
  'GET /api/admin/sessions/:id/results': { ...Session, response: { 200: TallyResultSchema } },
  'GET /api/admin/sessions/:id/audit': { ...Session, response: { 200: Type.Object({ events: Type.Array(AuditRowSchema) }) } },

  // Importing the people rated from CSV or a paste (server/routes/people-import.ts)
  /** Parses; nothing changes. */
  'POST /api/admin/sessions/:id/persons/import/preview': {
    ...Session,
    body: Type.Object({ text: Type.String({ maxLength: 512 * 1024 }) }, strict),
    response: { 200: ImportPreviewSchema },
  },
  /** Re-checks every row; any bad row refuses the whole request with its code. */
  'POST /api/admin/sessions/:id/persons/import/confirm': {
    ...Session,
    body: Type.Object(
      {
        mode: Type.Enum(['append', 'replace']),
        rows: Type.Array(
          Type.Object({ fullName: Type.String({ maxLength: MAX_TEXT_CARRIED }), position: Type.String({ maxLength: MAX_TEXT_CARRIED }) }, strict),
          { minItems: 1, maxItems: MAX_IMPORT_ROWS },
        ),
      },
      strict,
    ),
    response: { 200: Type.Object({ persons: Type.Array(PersonRecordSchema) }) },
  },

  // The tally committee (Ban kiểm phiếu): names and roles for the minutes (server/routes/committee.ts)
  'GET /api/admin/sessions/:id/committee': { ...Session, response: { 200: Type.Object({ members: Type.Array(CommitteeMemberSchema) }) } },
  /** Replaces the list, until results are published. */
  'PUT /api/admin/sessions/:id/committee': {
    ...Session,
    body: Type.Object(
      {
        members: Type.Array(
          Type.Object({ fullName: Type.String({ minLength: 1, maxLength: 200 }), role: Type.String({ maxLength: 100 }) }, strict),
          { maxItems: 30 },
        ),
      },
      strict,
    ),
    response: { 200: Type.Object({ members: Type.Array(CommitteeMemberSchema) }) },
  },
} satisfies Record<`${Method} /${string}`, RouteSchema>;

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
