/**
 * The shapes the secretariat's HTTP API answers with, shared by the server (which builds
 * them) and the console (which reads them), so the two cannot drift apart.
 */
import type { BaseId, Preset } from './presets';
import type { SessionState, Turnout } from './protocol';

/** What the secretariat types to create or edit a vote. */
export interface SessionInput {
  title: string;
  organisation: string;
  /** The venue (địa điểm): "Hội trường tầng 3, số 22 Lê Lợi". */
  place: string;
  /** The locality (địa danh) the minutes are dated at: "Huế, ngày … tháng … năm …". Empty when not given. */
  locality?: string;
  /** ISO date (YYYY-MM-DD) of the conference. */
  heldOn: string;
  presetId: string;
  base?: BaseId;
  summoned: number;
  present: number;
}

/** A vote session as stored. */
export interface SessionRecord extends Required<SessionInput> {
  id: string;
  /** The session's own copy of its preset: the rules its tally uses. */
  preset: Preset;
  state: SessionState;
  quorumOverride: boolean;
  liveResults: boolean;
  /** Paper ballots handed out (part of phát ra). */
  paperIssued: number;
  displayKey: string;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  /** The phone box is sealed to the tally committee (the default), or unsealed by choice in draft. */
  sealed: boolean;
  box: BoxState;
  /**
   * Closing could not yet fold the write-ahead log into the file and rebuild it (another
   * program holds the file open): the order of casting may still be recoverable from it.
   */
  tracesPending: boolean;
}

/** The phone ballot box as the console and the minutes see it (never a key that opens it). */
export interface BoxState {
  /** The box's X25519 public key (base64url): set at sealing, or at opening for an unsealed box. */
  publicKey: string | null;
  /** k: how many shares open a sealed box. */
  threshold: number | null;
  sealedAt: string | null;
  openedAt: string | null;
  /** Phone ballots that did not open or were not well formed (counted as spoilt). */
  spoilt: number | null;
  /** sha256 of the public key and the sorted tracking codes, in 20 symbols (after opening). */
  fingerprint: string | null;
}

/** A committee member holding a share of the sealed box, as named at sealing. */
export interface BoxHolder {
  order: number;
  fullName: string;
  role: string;
}

/** A person rated, in printed order (1-based). */
export interface PersonRecord {
  id: string;
  order: number;
  fullName: string;
  position: string;
}

/** `GET /api/admin/sessions/:id` and every route that changes a session. */
export interface SessionDetail extends SessionRecord {
  quorumMet: boolean;
  /** The copy differs from the shipped preset `presetId`: "Quy định 96-QĐ/TW (đã điều chỉnh)". */
  customised: boolean;
  persons: PersonRecord[];
  turnout: Turnout;
  /** Who holds a share of the sealed box, and which of them have presented it since the server started. */
  boxHolders: BoxHolder[];
  boxPresented: number[];
}

/** One row of `GET /api/admin/sessions`. */
export type SessionSummary = Pick<SessionRecord, 'id' | 'title' | 'organisation' | 'heldOn' | 'presetId' | 'state' | 'createdAt' | 'publishedAt'> & {
  turnout: Turnout;
};

/** A ballot slip as the secretariat sees it. */
export interface SlipRecord {
  id: string;
  /** The typed code; carries the secret. Only the secretariat sees it. Just the id for a used slip of a closed vote (its secret is wiped). */
  code: string;
  /** Path of the ballot page with the secret in the fragment. */
  path: string;
  state: 'unused' | 'used' | 'void';
  printed: number;
}

/** One event of the audit log: counts and names only. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
}

/** `GET /api/receipts/:sessionId`: the published tracking codes of an opened box, sorted. */
export interface ReceiptsFile {
  format: 'tinnhiem-receipts/1';
  sessionId: string;
  title: string;
  organisation: string;
  heldOn: string;
  boxPublicKey: string;
  fingerprint: string;
  /** Phone ballots in the box; equal to `codes.length`. */
  phoneBallots: number;
  codes: string[];
}
