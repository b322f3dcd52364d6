/** Shapes of what the console reads from /api/admin (see docs/api-console.md). */
import type { BaseId, Preset } from '../../shared/presets';
import type { SessionState, Turnout } from '../../shared/protocol';

export interface Person {
  id?: string;
  fullName: string;
  position: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  organisation: string;
  heldOn: string;
  presetId: string;
  state: SessionState;
  createdAt: string;
  publishedAt: string | null;
  turnout: Turnout;
}

export interface SessionDetail {
  id: string;
  title: string;
  organisation: string;
  place: string;
  heldOn: string;
  presetId: string;
  preset: Preset;
  base: BaseId;
  summoned: number;
  present: number;
  state: SessionState;
  quorumOverride: boolean;
  quorumMet: boolean;
  /** The session's copy of its preset differs from the shipped one. */
  customised: boolean;
  paperIssued: number;
  displayKey: string;
  publishedAt: string | null;
  persons: (Person & { id: string; order: number })[];
  turnout: Turnout;
}

export interface Slip {
  id: string;
  code: string;
  path: string;
  state: 'unused' | 'used' | 'void';
  printed: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
}

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

export type SessionInput = Pick<SessionDetail, 'title' | 'organisation' | 'place' | 'heldOn' | 'presetId' | 'base' | 'summoned' | 'present'>;
