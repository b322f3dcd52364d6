import type { Migration } from 'kysely';
import * as initial from './2026-11-27-initial';
import * as slipProofHash from './2026-11-28-slip-proof-hash';
import * as sealedBox from './2026-12-02-sealed-box';
import * as tracesPending from './2026-12-02-traces-pending';
import * as voteLocality from './2026-12-02-vote-locality';

/** Every migration, by its date-prefixed name. Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
  '2026-11-27-initial': initial,
  '2026-11-28-slip-proof-hash': slipProofHash,
  '2026-12-02-sealed-box': sealedBox,
  '2026-12-02-traces-pending': tracesPending,
  // Named to sort after every migration before it: Kysely refuses to run one that sorts
  // before a migration a data file has already run (server/db/migrations-upgrade.test.ts).
  '2026-12-02-vote-locality': voteLocality,
};
