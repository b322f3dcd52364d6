/**
 * The HTTP contract, part two: the vote itself and what leaves it — the sealed box, paper
 * ballots, publishing, the display's details, the downloads and print pages, the public list
 * of tracking codes and the print assets. See shared/api-contract.ts.
 */
import { Type } from 'typebox';
import { BoxHolderSchema, DisplayInfoSchema, ReceiptsFileSchema, SessionDetailSchema } from '../api-schemas';
import { detail, Id, Ok, Session, SessionIdParams, strict, type RouteTable } from './common';

const Count = Type.Integer({ minimum: 0 });
/** A public route names its vote by `sessionId`. */
const PublicSession = { params: Type.Object({ sessionId: Id }) } as const;
const EntryId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' });
const Asset = { params: Type.Object({ name: Type.String({ pattern: '^[a-z0-9-]+\\.(css|ttf)$', maxLength: 60 }) }) } as const;

export const VOTE_ROUTES = {
  // The sealed ballot box (server/routes/box.ts); the shares cross only on the laptop itself.
  'POST /api/admin/sessions/:id/box/mode': { ...Session, body: Type.Object({ sealed: Type.Boolean() }, strict), response: detail },
  /** Answers each member's share once, never stored. The body may be left out: k from the committee's size. */
  'POST /api/admin/sessions/:id/box/seal': {
    ...Session,
    body: Type.Object({ threshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 30 })) }, strict),
    response: {
      200: Type.Object({
        shares: Type.Array(Type.Object({ order: Count, fullName: Type.String(), role: Type.String(), code: Type.String() })),
        threshold: Count,
        session: SessionDetailSchema,
      }),
    },
  },
  /** A member presents a share; with k of them the box opens. */
  'POST /api/admin/sessions/:id/box/shares': {
    ...Session,
    body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 200 }) }, strict),
    response: {
      200: Type.Object({ holder: BoxHolderSchema, presented: Type.Array(Count), threshold: Count, opened: Type.Boolean(), session: SessionDetailSchema }),
    },
  },
  /** Forgets the shares presented so far (kept in memory only). */
  'DELETE /api/admin/sessions/:id/box/shares': { ...Session, response: { 200: Type.Object({ presented: Type.Array(Count, { maxItems: 0 }) }) } },
  /** Public, once the box is opened: a delegate checks their tracking code is in it. */
  'GET /api/receipts/:sessionId': { ...PublicSession, response: { 200: ReceiptsFileSchema } },
  /** The same as a page, with a code to look up. */
  'GET /r/:sessionId': {
    ...PublicSession,
    querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.Literal('json')) }),
    produces: 'text/html',
  },

  // Paper ballots keyed twice, blind (server/routes/paper.ts)
  'GET /api/admin/sessions/:id/paper': {
    ...Session,
    response: {
      200: Type.Object({
        issued: Count,
        collected: Count,
        pending: Type.Array(Type.Object({ id: Type.String(), operator: Type.String(), mine: Type.Boolean() })),
      }),
    },
  },
  /** 202: the first keying, waiting for the second; 201: both agreed, the ballot is recorded. */
  'POST /api/admin/sessions/:id/paper/entries': {
    ...Session,
    body: Type.Object(
      {
        pendingId: Type.Optional(EntryId),
        invalidSheet: Type.Boolean(),
        // Null first: Fastify's type coercion would turn null into "" if the string came first.
        marks: Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.Null(), Type.String({ maxLength: 40 })])),
      },
      strict,
    ),
    response: {
      201: Type.Object({ status: Type.Literal('recorded'), collected: Count }),
      202: Type.Object({ status: Type.Literal('pending'), entryId: Type.String() }),
    },
  },
  'DELETE /api/admin/sessions/:id/paper/entries/:entryId': { params: Type.Object({ id: SessionIdParams.properties.id, entryId: EntryId }), response: { 200: Ok } },

  // Results (server/routes/results.ts)
  /** The display's details; the key travels in the `x-display-key` header, not in the path. */
  'GET /api/display/:sessionId': { ...PublicSession, response: { 200: DisplayInfoSchema } },
  'POST /api/admin/sessions/:id/publish': { ...Session, response: { 200: Type.Object({ publishedAt: Type.String(), already: Type.Boolean() }) } },
  /** `override`: turned on though the preset marks the vote sensitive. */
  'POST /api/admin/sessions/:id/live-results': {
    ...Session,
    body: Type.Object({ enabled: Type.Boolean(), override: Type.Optional(Type.Boolean()) }, strict),
    response: { 200: Type.Object({ liveResults: Type.Boolean(), override: Type.Boolean() }) },
  },
  'GET /api/admin/sessions/:id/results.json': { ...Session, produces: 'application/json' },
  'GET /api/admin/sessions/:id/results.csv': { ...Session, produces: 'text/csv' },
  'GET /api/admin/sessions/:id/ballots.json': { ...Session, produces: 'application/json' },
  'GET /api/admin/sessions/:id/minutes.pdf': { ...Session, produces: 'application/pdf' },
  'GET /api/admin/sessions/:id/minutes.docx': { ...Session, produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  'GET /api/admin/sessions/:id/minutes': { ...Session, produces: 'text/html' },

  // What print pages load (server/routes/print-assets.ts): public, free of any vote's data.
  'GET /print/:name': { ...Asset, produces: 'text/css' },
  'GET /print/fonts/:name': { ...Asset, produces: 'font/ttf' },

  /** Whether the server answers at all (the launcher and the tests wait on it). */
  'GET /healthz': { response: { 200: Type.Object({ ok: Type.Literal(true) }) } },
} satisfies RouteTable;
