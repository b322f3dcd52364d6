/** What every part of the HTTP contract (shared/api-contract.ts) is built from. */
import { Type, type TSchema } from 'typebox';
import { SessionDetailSchema } from '../api-schemas';

export const strict = { additionalProperties: false } as const;

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
/** A part of the table: `"METHOD /path"` to its schemas. */
export type RouteTable = Record<`${Method} /${string}`, RouteSchema>;

export const Id = Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' });
export const SessionIdParams = Type.Object({ id: Id });
/** A route under /api/admin/sessions/:id. */
export const Session = { params: SessionIdParams } as const;
/** Answers the session as the console shows it. */
export const detail = { 200: SessionDetailSchema } as const;
export const Ok = Type.Object({ ok: Type.Literal(true) });
