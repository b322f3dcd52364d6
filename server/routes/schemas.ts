/** TypeBox schemas shared by the admin routes. */
import { Type, type Static } from 'typebox';

export const SessionIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,40}$' }) });
export type SessionIdParams = Static<typeof SessionIdParams>;

const Name = (max: number) => Type.String({ maxLength: max });
/** The most a name or position field may carry in a body; its real limit is checked after NFC. */
export const MAX_TEXT_CARRIED = 10_000;
const Count = Type.Integer({ minimum: 0, maximum: 100000 });

export const SessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    organisation: Name(300),
    place: Name(200),
    locality: Type.Optional(Name(100)),
    heldOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    presetId: Type.String({ maxLength: 60 }),
    base: Type.Optional(Type.Union([Type.Literal('collected'), Type.Literal('ballots'), Type.Literal('summoned'), Type.Literal('valid')])),
    summoned: Count,
    present: Count,
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;
export const SessionPatch = Type.Partial(SessionBody, { additionalProperties: false });
export type SessionPatch = Static<typeof SessionPatch>;

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
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PersonsBody = Static<typeof PersonsBody>;
