/** Editing a session's copy of its preset while it is a draft (docs/api-console.md). */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { ADDRESSES } from '../../shared/address';
import { describeThresholds } from '../../shared/preset-describe';
import { MAX_FRACTION_TERM, MAX_LEVELS, MIN_LEVELS } from '../../shared/preset-validate';
import type { Preset } from '../../shared/presets';
import { audit } from '../domain/audit';
import { resetSessionPreset, setSessionPreset } from '../domain/session-preset';
import { getSession } from '../domain/sessions';
import { SessionIdParams } from './schemas';
import { sessionDetail } from './sessions';
import { operatorOf } from '../plugins/auth';

const strict = { additionalProperties: false } as const;
const Words = (max: number, minLength = 1) => Type.Object({ vi: Type.String({ minLength, maxLength: max }), en: Type.String({ maxLength: max }) }, strict);
const BaseId = Type.Union([Type.Literal('collected'), Type.Literal('ballots'), Type.Literal('summoned'), Type.Literal('valid')]);
const Term = Type.Integer({ minimum: 1, maximum: MAX_FRACTION_TERM });
const Id = Type.String({ pattern: '^[a-z][a-z0-9-]{0,30}$' });

/** The shape of an edited preset; what needs more than shape is in shared/preset-validate.ts. */
export const PresetBody = Type.Object(
  {
    id: Type.String({ maxLength: 60 }),
    name: Words(200),
    rule: Words(300),
    kind: Type.Union([Type.Literal('lay-phieu'), Type.Literal('bo-phieu')]),
    header: Words(200),
    levels: Type.Array(
      Type.Object({ id: Id, label: Type.Object({ vi: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 60 }) }, strict) }, strict),
      { minItems: MIN_LEVELS, maxItems: MAX_LEVELS },
    ),
    base: BaseId,
    baseOptions: Type.Array(BaseId, { minItems: 1, maxItems: 4 }),
    thresholds: Type.Array(
      Type.Object(
        {
          id: Id,
          level: Id,
          bounds: Type.Array(
            Type.Object({ op: Type.Union([Type.Literal('>'), Type.Literal('>='), Type.Literal('<'), Type.Literal('<=')]), num: Term, den: Term }, strict),
            { minItems: 1, maxItems: 4 },
          ),
          label: Words(200),
          consequence: Words(600, 0),
        },
        strict,
      ),
      { maxItems: 10 },
    ),
    quorum: Type.Object({ num: Term, den: Term }, strict),
    sensitive: Type.Boolean(),
    address: Type.Union(ADDRESSES.map((a) => Type.Literal(a))),
  },
  strict,
);
export type PresetBody = Static<typeof PresetBody>;

/**
 * Fastify's default validator strips properties a schema does not allow; an edited preset
 * with a field the server does not know is refused instead, so no edit is silently lost.
 */
const exactly: FastifySchemaCompiler<TSchema> = ({ schema }) => (data) =>
  Value.Check(schema, data) ? { value: data } : { error: new Error('schema mismatch') };

export default async function presetRoutes(app: FastifyInstance): Promise<void> {
  app.put('/api/admin/sessions/:id/preset', { schema: { params: SessionIdParams, body: PresetBody }, validatorCompiler: exactly }, async (request) => {
    const { id } = request.params as SessionIdParams;
    const preset = await setSessionPreset(app.db, id, request.body as Preset);
    const detail = {
      thresholds: describeThresholds(preset, 'vi'),
      quorum: `${preset.quorum.num}/${preset.quorum.den}`,
      base: preset.base,
      address: preset.address,
    };
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'preset.changed', detail });
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });

  app.post('/api/admin/sessions/:id/preset/reset', { schema: { params: SessionIdParams } }, async (request) => {
    const { id } = request.params as SessionIdParams;
    await resetSessionPreset(app.db, id);
    await audit(app.db, { sessionId: id, actor: operatorOf(request), event: 'preset.changed', detail: { reset: true } });
    app.hub.turnoutChanged(id);
    return sessionDetail(app, await getSession(app.db, id));
  });
}
