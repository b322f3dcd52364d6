import fc from 'fast-check';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { AUTH_TEXT_LENGTH, SEALED_TEXT_LENGTH } from '../../shared/box';
import { CastSchema } from '../../shared/protocol-schemas';
import { isCastMessage } from './cast-message';

const schema = Compile(CastSchema);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Characters near every edge the schema draws: its alphabets, look-alikes, non-ASCII, astral, lone surrogates. */
const char = fc.constantFrom(...B64, 'I', 'L', 'O', 'U', '=', '+', '/', ' ', '\n', '.', 'é', 'ệ', '\u0000', '😀', '\ud800', '\udc00');
const text = (min: number, max: number) => fc.array(char, { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const b64 = (n: number) => fc.array(fc.constantFrom(...B64), { minLength: n, maxLength: n }).map((cs) => cs.join(''));
const slipId = fc.array(fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'), { minLength: 4, maxLength: 4 }).map((cs) => cs.join(''));

const valid = fc.record(
  {
    type: fc.constant('cast'),
    rid: fc.oneof(b64(8), text(0, 41), fc.array(fc.constant('😀'), { minLength: 19, maxLength: 22 }).map((cs) => cs.join(''))),
    slipId,
    nonce: b64(22),
    sealed: b64(SEALED_TEXT_LENGTH),
    auth: b64(AUTH_TEXT_LENGTH),
  },
  { requiredKeys: ['type', 'slipId', 'nonce', 'sealed', 'auth'] },
);
const other = fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}), text(0, 6));
const KEYS = ['type', 'rid', 'slipId', 'nonce', 'sealed', 'auth'] as const;

/** A valid cast, then a few edits: a field dropped, retyped, lengthened, shortened or replaced, a key added. */
const mutated = fc
  .tuple(
    valid,
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...KEYS) }),
        fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...KEYS), value: other }),
        fc.record({ op: fc.constant('grow' as const), key: fc.constantFrom(...KEYS), value: text(1, 2) }),
        fc.record({ op: fc.constant('cut' as const), key: fc.constantFrom(...KEYS) }),
        fc.record({ op: fc.constant('poke' as const), key: fc.constantFrom(...KEYS), at: fc.nat(), value: char }),
        fc.record({ op: fc.constant('add' as const), key: fc.constantFrom('extra', 'constructor', 'Type', 'rid '), value: other }),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([cast, edits]) => {
    const json: Record<string, unknown> = { ...cast };
    for (const e of edits) {
      const current = json[e.key];
      if (e.op === 'drop') delete json[e.key];
      else if (e.op === 'set' || e.op === 'add') json[e.key] = e.value;
      else if (typeof current !== 'string') continue;
      else if (e.op === 'grow') json[e.key] = current + e.value;
      else if (e.op === 'cut') json[e.key] = current.slice(1);
      else {
        const i = current.length === 0 ? 0 : e.at % current.length;
        json[e.key] = current.slice(0, i) + e.value + current.slice(i + 1);
      }
    }
    // Through JSON, as the server receives it.
    return JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  });

describe('the cast frame check', () => {
  it('accepts exactly what CastSchema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (value) => {
        const expected = schema.Check(value);
        if (expected) accepted++;
        expect(isCastMessage(value), JSON.stringify(value).slice(0, 200)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    // Both answers were met often enough to mean something.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(18_000);
  });

  it('refuses a __proto__ key, as the schema does', () => {
    const cast = { type: 'cast', slipId: 'AB12', nonce: 'n'.repeat(22), sealed: 'A'.repeat(SEALED_TEXT_LENGTH), auth: 'B'.repeat(AUTH_TEXT_LENGTH) };
    const withProto = JSON.parse(JSON.stringify(cast).replace('{', '{"__proto__":{"x":1},')) as Record<string, unknown>;
    expect(schema.Check(cast)).toBe(true);
    expect(isCastMessage(cast)).toBe(true);
    expect(schema.Check(withProto)).toBe(false);
    expect(isCastMessage(withProto)).toBe(false);
  });
});
