/**
 * The HTTP contract, part one: preparing a vote (sessions, the people rated, the committee,
 * the preset, slips and their printing) and logging in. See shared/api-contract.ts.
 */
import { Type } from 'typebox';
import { MAX_IMPORT_ROWS } from '../csv';
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
} from '../api-schemas';
import { detail, Ok, Session, strict, type RouteTable } from './common';

/** The most a name or position field may carry in a body; its real limit is checked after NFC. */
export const MAX_TEXT_CARRIED = 10_000;
/** The most slips one request may issue: more than any hall needs, and a bound on the work one request can ask for. */
export const MAX_SLIPS_PER_REQUEST = 2000;

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


/** Which slips a print takes (all unused, or those never printed) and the address their QR holds. */
const PrintQuery = Type.Object({
  which: Type.Optional(Type.Enum(['unused', 'unprinted'])),
  origin: Type.Optional(Type.String({ pattern: '^https?://[A-Za-z0-9.\\-\\[\\]:]+$', maxLength: 200 })),
});

export const SETUP_ROUTES = {
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

  // Editing the session's copy of its preset while it is a draft (server/routes/preset.ts).
  /** Refused, not stripped, when the preset holds a field the server does not know. */
  'PUT /api/admin/sessions/:id/preset': { ...Session, body: PresetSchema, response: detail },
  'POST /api/admin/sessions/:id/preset/reset': { ...Session, response: detail },

  // More of the secretariat's routes (server/routes/sessions-extra.ts)
  /** The addresses phones can reach this laptop at, and the one this request came by. */
  'GET /api/admin/network': { response: { 200: Type.Object({ port: Type.Integer(), urls: Type.Array(Type.String()), here: Type.String() }) } },
  /** Copies details, people and committee into a new draft. */
  'POST /api/admin/sessions/:id/duplicate': { ...Session, response: { 201: Type.Object({ id: Type.String() }) } },
  /** Only a draft. */
  'DELETE /api/admin/sessions/:id': { ...Session, response: { 200: Ok } },
  'PUT /api/admin/sessions/:id/paper-issued': {
    ...Session,
    body: Type.Object({ count: Type.Integer({ minimum: 0, maximum: 100000 }) }, strict),
    response: { 200: TurnoutSchema },
  },

  // Printing slips (server/routes/slip-print.ts): counted as printed, audited by count.
  'GET /api/admin/sessions/:id/slips/print': { ...Session, querystring: PrintQuery, produces: 'text/html' },
  'GET /api/admin/sessions/:id/slips/print.pdf': { ...Session, querystring: PrintQuery, produces: 'application/pdf' },

  // Logging in (server/plugins/auth.ts)
  'POST /api/admin/login': {
    body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }), operator: Type.Optional(Type.String({ maxLength: 100 })) }),
    response: { 200: Type.Object({ operator: Type.String() }) },
  },
  'POST /api/admin/logout': { response: { 200: Ok } },
  /** `lan`: other devices may use the console (ADMIN_LAN=1), and the console says so. */
  'GET /api/admin/me': { response: { 200: Type.Object({ operator: Type.String(), lan: Type.Boolean() }) } },
} satisfies RouteTable;
