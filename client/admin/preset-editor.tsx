/**
 * The "Điều chỉnh" form of a draft's rules: thresholds (operator, fraction, label,
 * consequence), level names, quorum and base. It checks the draft with the same pure
 * function the server uses, and the server decides.
 */
import { useState } from 'preact/hooks';
import { ADDRESSES, type Address } from '../../shared/address';
import { errorMessage } from '../../shared/errors';
import { describeThresholds } from '../../shared/preset-describe';
import { MAX_FRACTION_TERM, presetProblems } from '../../shared/preset-validate';
import { BASE_LABELS, type BaseId, type Bound, type Preset, type Threshold } from '../../shared/presets';
import { call } from './api';
import { lang, t } from './state';
import type { SessionDetail } from './types';
import { ErrorNote, useAction } from './ui';

const OPS: { op: Bound['op']; key: 'op_gt' | 'op_ge' | 'op_lt' | 'op_le' }[] = [
  { op: '>', key: 'op_gt' },
  { op: '>=', key: 'op_ge' },
  { op: '<', key: 'op_lt' },
  { op: '<=', key: 'op_le' },
];
const BASES = Object.keys(BASE_LABELS) as BaseId[];
const MAX_BOUNDS = 4;
const MAX_THRESHOLDS = 10;

const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A fresh id for an added threshold that no other threshold has. */
function newThresholdId(thresholds: Threshold[]): string {
  for (let n = 1; ; n++) if (!thresholds.some((th) => th.id === `custom-${n}`)) return `custom-${n}`;
}

/**
 * What is sent: the draft, with the English text of every threshold text edited in
 * Vietnamese set to the Vietnamese (a stale English "2/3 or more" would mislead more than
 * Vietnamese does), and the chosen base among the options.
 */
export function presetToSend(draft: Preset, original: Preset): Preset {
  const sent = clone(draft);
  for (const th of sent.thresholds) {
    const before = original.thresholds.find((o) => o.id === th.id);
    for (const field of ['label', 'consequence'] as const) {
      if (!before || before[field].vi !== th[field].vi || th[field].en.trim() === '') th[field].en = th[field].vi;
    }
  }
  if (!sent.baseOptions.includes(sent.base)) sent.baseOptions = [...sent.baseOptions, sent.base];
  return sent;
}

function Fraction(props: { value: { num: number; den: number }; name: string; onChange: (v: { num: number; den: number }) => void }) {
  const term = (e: Event) => Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 0);
  return (
    <span class="fraction">
      <input type="number" name={`${props.name}-num`} aria-label={t('numerator')} min={1} max={MAX_FRACTION_TERM} value={props.value.num} onInput={(e) => props.onChange({ ...props.value, num: term(e) })} />
      <span aria-hidden="true">/</span>
      <input type="number" name={`${props.name}-den`} aria-label={t('denominator')} min={1} max={MAX_FRACTION_TERM} value={props.value.den} onInput={(e) => props.onChange({ ...props.value, den: term(e) })} />
    </span>
  );
}

export function PresetEditor({ session, onDone }: { session: SessionDetail; onDone: (saved: boolean) => void | Promise<void> }) {
  const original = session.preset;
  const [draft, setDraft] = useState<Preset>(() => ({ ...clone(original), base: session.base }));
  const action = useAction();
  const l = lang.value;
  const change = (fn: (p: Preset) => void) =>
    setDraft((d) => {
      const next = clone(d);
      fn(next);
      return next;
    });
  const toSend = presetToSend(draft, original);
  const problems = presetProblems(toSend);
  const summary = describeThresholds(toSend, l);

  const save = () =>
    action.run({ message: t('confirmSavePreset', { summary }) }, async () => {
      await call('PUT /api/admin/sessions/:id/preset', { params: { id: session.id }, body: toSend });
      await onDone(true);
    });

  return (
    <form
      class="preset-editor"
      data-testid="preset-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) void save();
      }}
    >
      <h2>
        {t('preset')}: {original.name[l]} — {t('presetEdit')}
      </h2>
      <p class="hint">{t('presetEditHint')}</p>

      <fieldset class="levels">
        <legend>{t('presetLevels')}</legend>
        {draft.levels.map((level, i) => (
          <div class="level-row" key={level.id}>
            <code title={t('levelId')}>{level.id}</code>
            <label>
              {t('levelLabelVi')}
              <input name={`level-${level.id}-vi`} maxLength={60} value={level.label.vi} onInput={(e) => change((p) => void (p.levels[i]!.label.vi = e.currentTarget.value))} />
            </label>
            <label>
              {t('levelLabelEn')}
              <input name={`level-${level.id}-en`} maxLength={60} value={level.label.en} onInput={(e) => change((p) => void (p.levels[i]!.label.en = e.currentTarget.value))} />
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset class="thresholds">
        <legend>{t('presetThresholds')}</legend>
        {draft.thresholds.map((th, i) => (
          <fieldset class="threshold" key={th.id} data-threshold={th.id}>
            <legend>{t('thresholdN', { n: i + 1 })}</legend>
            <div class="row">
              <label>
                {t('thresholdLevel')}
                <select name={`threshold-${i}-level`} value={th.level} onChange={(e) => change((p) => void (p.thresholds[i]!.level = e.currentTarget.value))}>
                  {draft.levels.map((level) => (
                    <option value={level.id} key={level.id}>
                      {level.label[l]}
                    </option>
                  ))}
                </select>
              </label>
              <div class="bounds" role="group" aria-label={t('thresholdBounds')}>
                {th.bounds.map((b, j) => (
                  <div class="bound" key={j}>
                    <select name={`threshold-${i}-op-${j}`} aria-label={t('thresholdBounds')} value={b.op} onChange={(e) => change((p) => void (p.thresholds[i]!.bounds[j]!.op = e.currentTarget.value as Bound['op']))}>
                      {OPS.map(({ op, key }) => (
                        <option value={op} key={op}>
                          {t(key)}
                        </option>
                      ))}
                    </select>
                    <Fraction name={`threshold-${i}-${j}`} value={b} onChange={(v) => change((p) => void Object.assign(p.thresholds[i]!.bounds[j]!, v))} />
                    {th.bounds.length > 1 && (
                      <button type="button" class="link" onClick={() => change((p) => void p.thresholds[i]!.bounds.splice(j, 1))}>
                        {t('removeBound')}
                      </button>
                    )}
                  </div>
                ))}
                {th.bounds.length < MAX_BOUNDS && (
                  <button type="button" class="link" onClick={() => change((p) => void p.thresholds[i]!.bounds.push({ op: '<', num: 2, den: 3 }))}>
                    {t('addBound')}
                  </button>
                )}
              </div>
            </div>
            <label>
              {t('thresholdLabel')}
              <input name={`threshold-${i}-label`} maxLength={200} value={th.label.vi} onInput={(e) => change((p) => void (p.thresholds[i]!.label.vi = e.currentTarget.value))} />
            </label>
            <label>
              {t('thresholdConsequence')}
              <textarea name={`threshold-${i}-consequence`} rows={2} maxLength={600} value={th.consequence.vi} onInput={(e) => change((p) => void (p.thresholds[i]!.consequence.vi = e.currentTarget.value))} />
            </label>
            <button type="button" class="danger" onClick={() => change((p) => void p.thresholds.splice(i, 1))}>
              {t('removeThreshold')}
            </button>
          </fieldset>
        ))}
        {draft.thresholds.length < MAX_THRESHOLDS && (
          <button
            type="button"
            onClick={() =>
              change((p) =>
                void p.thresholds.push({
                  id: newThresholdId(p.thresholds),
                  level: p.thresholds.at(-1)?.level ?? p.levels.at(-1)!.id,
                  bounds: [{ op: '>=', num: 2, den: 3 }],
                  label: { vi: '', en: '' },
                  consequence: { vi: '', en: '' },
                }),
              )
            }
          >
            {t('addThreshold')}
          </button>
        )}
      </fieldset>

      <div class="row">
        <label>
          {t('quorumFraction')}
          <Fraction name="quorum" value={draft.quorum} onChange={(v) => change((p) => void (p.quorum = v))} />
        </label>
        <label>
          {t('base')}
          <select name="base" value={draft.base} onChange={(e) => change((p) => void (p.base = e.currentTarget.value as BaseId))}>
            {BASES.map((b) => (
              <option value={b} key={b}>
                {BASE_LABELS[b][l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('presetAddress')}
          <select name="address" value={draft.address} onChange={(e) => change((p) => void (p.address = e.currentTarget.value as Address))}>
            {ADDRESSES.map((a) => (
              <option value={a} key={a}>
                {t(a === 'dong-chi' ? 'address_dong_chi' : 'address_dai_bieu')}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p class="summary" data-testid="preset-summary">
        <strong>{t('presetSummary')}:</strong> {summary}
      </p>
      {problems.length > 0 && (
        <ul class="problems" data-testid="preset-problems">
          {problems.map((code) => (
            <li class="error" key={code} data-code={code}>
              {errorMessage(code, l)}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote code={action.error} />
      <div class="row">
        <button type="submit" class="primary" disabled={problems.length > 0 || action.busy}>
          {t('savePreset')}
        </button>
        <button type="button" onClick={() => void onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
