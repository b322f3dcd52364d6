/**
 * TypeBox schemas of the records the HTTP API answers with and takes in (the routes that use
 * them are in api-contract.ts). Each record's type stays written out where it is documented
 * (api-types.ts, presets.ts, protocol.ts, tally.ts, csv.ts, display-info.ts); the assertions at
 * the end fail to compile when a schema and its type disagree. Answers are serialized through
 * these schemas, which drop any property they do not name: a field added to a type must be
 * added here too, and the compiler says so.
 *
 * The server imports this file; pages import only its types (`import type`), so no page
 * carries TypeBox.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ADDRESSES } from './address';
import type { AuditRow, BoxHolder, BoxState, PersonRecord, ReceiptsFile, SessionDetail, SessionSummary, SlipRecord } from './api-types';
import type { ImportPreview } from './csv';
import type { DisplayInfo } from './display-info';
import { MAX_FRACTION_TERM, MAX_LEVELS, MIN_LEVELS } from './preset-validate';
import type { Preset } from './presets';
import type { Turnout } from './protocol';
import type { TallyResult } from './tally';

const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

/** A text in both languages, each at most `max` characters; Vietnamese at least `minLength`. */
export const TextSchema = (max = 10_000, minLength = 0) => Type.Object({ vi: Type.String({ minLength, maxLength: max }), en: Type.String({ maxLength: max }) }, strict);
export const BaseIdSchema = Type.Enum(['collected', 'ballots', 'summoned', 'valid']);
export const SessionStateSchema = Type.Enum(['draft', 'open', 'closed']);
export const KindSchema = Type.Enum(['lay-phieu', 'bo-phieu']);
const LevelId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,30}$' });
const Term = Type.Integer({ minimum: 1, maximum: MAX_FRACTION_TERM });
const LevelSchema = Type.Object(
  { id: LevelId, label: Type.Object({ vi: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 60 }) }, strict) },
  strict,
);

/**
 * A preset, as shipped or as a session's edited copy: also the body of `PUT …/preset`, so
 * its limits are the editor's (what needs more than shape is in preset-validate.ts).
 */
export const PresetSchema = Type.Object(
  {
    id: Type.String({ maxLength: 60 }),
    name: TextSchema(200, 1),
    rule: TextSchema(300, 1),
    kind: KindSchema,
    header: TextSchema(200, 1),
    levels: Type.Array(LevelSchema, { minItems: MIN_LEVELS, maxItems: MAX_LEVELS }),
    base: BaseIdSchema,
    baseOptions: Type.Array(BaseIdSchema, { minItems: 1, maxItems: 4 }),
    thresholds: Type.Array(
      Type.Object(
        {
          id: LevelId,
          level: LevelId,
          bounds: Type.Array(Type.Object({ op: Type.Enum(['>', '>=', '<', '<=']), num: Term, den: Term }, strict), { minItems: 1, maxItems: 4 }),
          label: TextSchema(200, 1),
          consequence: TextSchema(600),
        },
        strict,
      ),
      { maxItems: 10 },
    ),
    quorum: Type.Object({ num: Term, den: Term }, strict),
    sensitive: Type.Boolean(),
    address: Type.Enum(ADDRESSES),
  },
  strict,
);

export const TurnoutSchema = Type.Object({
  sessionId: Type.String(),
  title: Type.String(),
  state: SessionStateSchema,
  issued: Count,
  collected: Count,
  present: Count,
  summoned: Count,
  openedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  published: Type.Boolean(),
});

export const PersonRecordSchema = Type.Object({ id: Type.String(), order: Count, fullName: Type.String(), position: Type.String() });
export const BoxHolderSchema = Type.Object({ order: Count, fullName: Type.String(), role: Type.String() });
export const BoxStateSchema = Type.Object({
  publicKey: Nullable(Type.String()),
  threshold: Nullable(Count),
  sealedAt: Nullable(Type.String()),
  openedAt: Nullable(Type.String()),
  spoilt: Nullable(Count),
  fingerprint: Nullable(Type.String()),
});

export const SessionDetailSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  place: Type.String(),
  locality: Type.String(),
  heldOn: Type.String(),
  presetId: Type.String(),
  base: BaseIdSchema,
  summoned: Count,
  present: Count,
  preset: PresetSchema,
  state: SessionStateSchema,
  quorumOverride: Type.Boolean(),
  liveResults: Type.Boolean(),
  paperIssued: Count,
  displayKey: Type.String(),
  createdAt: Type.String(),
  openedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  sealed: Type.Boolean(),
  box: BoxStateSchema,
  tracesPending: Type.Boolean(),
  quorumMet: Type.Boolean(),
  customised: Type.Boolean(),
  persons: Type.Array(PersonRecordSchema),
  turnout: TurnoutSchema,
  boxHolders: Type.Array(BoxHolderSchema),
  boxPresented: Type.Array(Count),
});

export const SessionSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  heldOn: Type.String(),
  presetId: Type.String(),
  state: SessionStateSchema,
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  turnout: TurnoutSchema,
});

export const SlipRecordSchema = Type.Object({ id: Type.String(), code: Type.String(), path: Type.String(), state: Type.Enum(['unused', 'used', 'void']), printed: Count });

export const AuditRowSchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  event: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

const Parts = Type.Object({ phone: Count, paper: Count, total: Count });
export const TallyResultSchema = Type.Object({
  presetId: Type.String(),
  base: Type.Object({ id: BaseIdSchema, label: TextSchema() }),
  summoned: Count,
  present: Count,
  quorumMet: Type.Boolean(),
  issued: Parts,
  collected: Parts,
  persons: Type.Array(
    Type.Object({
      personId: Type.String(),
      order: Count,
      fullName: Type.String(),
      position: Type.String(),
      collected: Count,
      valid: Count,
      invalid: Count,
      counts: Type.Record(Type.String(), Count),
      base: Count,
      // Rounded for display: the only fractions in any answer.
      percents: Type.Record(Type.String(), Nullable(Type.Number())),
      invalidPercent: Nullable(Type.Number()),
      thresholds: Type.Array(Type.Object({ id: Type.String(), level: Type.String(), label: TextSchema(), consequence: TextSchema() })),
    }),
  ),
});

export const ReceiptsFileSchema = Type.Object({
  format: Type.Literal('tinnhiem-receipts/1'),
  sessionId: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  heldOn: Type.String(),
  boxPublicKey: Type.String(),
  fingerprint: Type.String(),
  phoneBallots: Count,
  codes: Type.Array(Type.String()),
});

export const DisplayInfoSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  organisation: Type.String(),
  place: Type.String(),
  heldOn: Type.String(),
  presetName: TextSchema(),
  kind: KindSchema,
  levels: Type.Array(Type.Object({ id: Type.String(), label: TextSchema() })),
  base: Type.Object({ id: BaseIdSchema, label: TextSchema() }),
  liveResults: Type.Boolean(),
  sealed: Type.Boolean(),
  boxOpened: Type.Boolean(),
  fingerprint: Nullable(Type.String()),
  lanOrigin: Nullable(Type.String()),
  turnout: TurnoutSchema,
  now: Type.String(),
});

export const ImportPreviewSchema = Type.Object({
  delimiter: Type.Enum([',', ';', '\t']),
  header: Type.Boolean(),
  rows: Type.Array(Type.Object({ line: Count, fullName: Type.String(), position: Type.String(), formulaLike: Type.Boolean() })),
  errors: Type.Array(
    Type.Object({
      line: Count,
      code: Type.Enum(['csv-empty-name', 'csv-name-too-long', 'csv-position-too-long', 'csv-too-many-columns', 'csv-control-chars', 'csv-too-many-rows']),
      text: Type.String(),
    }),
  ),
});

/** A tally committee member (Ban kiểm phiếu), in printed order. */
export const CommitteeMemberSchema = Type.Object({ id: Type.String(), order: Count, fullName: Type.String(), role: Type.String() });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<Static<typeof PresetSchema>, Preset>,
  Same<Static<typeof TurnoutSchema>, Turnout>,
  Same<Static<typeof PersonRecordSchema>, PersonRecord>,
  Same<Static<typeof BoxHolderSchema>, BoxHolder>,
  Same<Static<typeof BoxStateSchema>, BoxState>,
  Same<Static<typeof SessionDetailSchema>, SessionDetail>,
  Same<Static<typeof SessionSummarySchema>, SessionSummary>,
  Same<Static<typeof SlipRecordSchema>, SlipRecord>,
  Same<Static<typeof AuditRowSchema>, AuditRow>,
  Same<Static<typeof TallyResultSchema>, TallyResult>,
  Same<Static<typeof ReceiptsFileSchema>, ReceiptsFile>,
  Same<Static<typeof DisplayInfoSchema>, DisplayInfo>,
  Same<Static<typeof ImportPreviewSchema>, ImportPreview>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void agree;
