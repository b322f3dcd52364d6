/** Shapes of what the console reads from /api/admin (see docs/api-console.md). */
import type { SessionInput as SharedSessionInput } from '../../shared/api-types';

export interface Person {
  id?: string;
  fullName: string;
  position: string;
}

export type { AuditRow, SessionDetail, SessionSummary, SlipRecord as Slip } from '../../shared/api-types';

export interface Network {
  port: number;
  urls: string[];
  here: string;
}

export interface PaperStatus {
  issued: number;
  collected: number;
  pending: { id: string; operator: string; mine: boolean }[];
}

export type SessionInput = Required<SharedSessionInput>;
