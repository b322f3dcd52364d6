/**
 * The database as Kysely sees it. Hand-written: `Generated<>` for columns with defaults,
 * `T | null` for nullable ones. Migrations in ./migrations define the same tables.
 *
 * Secrecy: `ballots` and `marks` hold no slip id, no time, no address and no connection
 * id, and use random keys in WITHOUT ROWID tables, so neither a column nor the storage
 * order says who voted or when.
 */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AdminSessionsTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  operator: string;
  created_at: string;
  expires_at: string;
}

export interface VoteSessionsTable {
  id: string;
  title: string;
  organisation: string;
  /** The venue (địa điểm), named in the body of the minutes. */
  place: string;
  /** The locality (địa danh) of the place-and-date line: "Huế, ngày … tháng … năm …". */
  locality: Generated<string>;
  /** ISO date (YYYY-MM-DD) of the conference. */
  held_on: string;
  preset_id: string;
  /** The preset copied at creation, so later edits of a preset never change a vote. */
  preset_json: string;
  base: string;
  summoned: number;
  present: number;
  state: 'draft' | 'open' | 'closed';
  quorum_override: Generated<number>;
  live_results: Generated<number>;
  /** Paper ballots handed out to delegates without a phone (part of phát ra). */
  paper_issued: Generated<number>;
  display_key: string;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  /** 1: the phone box is sealed to the committee's key (the default); 0: an unsealed box, chosen in draft. */
  sealed: Generated<number>;
  /** The box's X25519 public key: set at sealing (sealed) or at opening (unsealed). */
  box_public: Buffer | null;
  /** Only for an unsealed box: its private key. A sealed box's private key is never stored. */
  box_secret: Buffer | null;
  /** k of the k-of-n split. */
  box_threshold: number | null;
  box_sealed_at: string | null;
  box_opened_at: string | null;
  /** Phone ballots that did not open or were not well formed, counted as spoilt. */
  box_spoilt: number | null;
  box_fingerprint: string | null;
  /** 1 while the WAL could not be folded into the file after close (someone held it open). */
  traces_pending: Generated<number>;
}

/** A committee member holding one share of a sealed box, as named at sealing. */
export interface BoxHoldersTable {
  session_id: string;
  holder_order: number;
  full_name: string;
  role: string;
  /** sha256 of the share (docs/security.md): tells a wrong share at once, opens nothing. */
  share_hash: Buffer;
}

/** A ciphertext in a locked box: a random id and the 584 sealed bytes, nothing else. */
export interface SealedBallotsTable {
  id: Buffer;
  session_id: string;
  sealed: Buffer;
}

/** The tracking codes of an opened box, stored in code order. */
export interface ReceiptsTable {
  session_id: string;
  code: string;
}

export interface PersonsTable {
  id: string;
  session_id: string;
  /** 1-based printed order. */
  position_order: number;
  full_name: string;
  position: string;
}

export interface CommitteeMembersTable {
  id: string;
  session_id: string;
  member_order: number;
  full_name: string;
  role: string;
}

export interface SlipsTable {
  /** 4 symbols of the code alphabet; unique across the database. */
  id: string;
  session_id: string;
  /** Kept so unused slips can be reprinted; '' once a used slip's vote has closed. */
  secret: string;
  /** scrypt(secret): opens the seals of this slip; empty once a used slip's vote has closed. */
  seal_key: Buffer;
  state: 'unused' | 'used' | 'void';
  /** sha256 of the client nonce of the one accepted cast, to recognise a retry. */
  nonce_hash: Buffer | null;
  /** How many times the slip was printed. */
  printed: Generated<number>;
  /**
   * Set when a used slip's vote closes: sha256 of its proof, so the phone that voted is
   * still recognised, while `secret` and `seal_key` are wiped (they would open a sealed
   * ballot captured on the Wi-Fi).
   */
  proof_hash: Buffer | null;
}

export interface BallotsTable {
  /** 16 random bytes. */
  id: Buffer;
  session_id: string;
  source: 'phone' | 'paper';
}

export interface MarksTable {
  ballot_id: Buffer;
  person_id: string;
  /** A level id of the session's preset, or null: no valid mark for this person. */
  level: string | null;
}

export interface PaperEntriesTable {
  id: string;
  session_id: string;
  operator: string;
  /** JSON: { invalidSheet: boolean, marks: Record<personId, levelId|null> } */
  content: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  session_id: string | null;
  at: string;
  actor: string;
  event: string;
  /** JSON details: counts and names, never ballot contents, tokens or slip secrets. */
  detail: string;
}

export interface Database {
  settings: SettingsTable;
  admin_sessions: AdminSessionsTable;
  vote_sessions: VoteSessionsTable;
  persons: PersonsTable;
  committee_members: CommitteeMembersTable;
  slips: SlipsTable;
  ballots: BallotsTable;
  marks: MarksTable;
  paper_entries: PaperEntriesTable;
  audit_log: AuditLogTable;
  box_holders: BoxHoldersTable;
  sealed_ballots: SealedBallotsTable;
  receipts: ReceiptsTable;
}
