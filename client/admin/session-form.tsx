/** The details of a vote: used to create one and to edit a draft. */
import { useState } from 'preact/hooks';
import { BASE_LABELS, quorumMet, type BaseId, type Preset } from '../../shared/presets';
import { vietnamDate } from '../../shared/format';
import { lang, t } from './state';
import type { SessionInput } from './types';

export function emptySession(preset: Preset): SessionInput {
  return {
    title: preset.rule.vi,
    organisation: '',
    place: '',
    locality: '',
    heldOn: vietnamDate(),
    presetId: preset.id,
    base: preset.base,
    summoned: 0,
    present: 0,
  };
}

/** Fewest present that meets the preset's quorum: ceil(num · summoned / den). */
export function quorumNeed(preset: Pick<Preset, 'quorum'>, summoned: number): number {
  return Math.ceil((preset.quorum.num * summoned) / preset.quorum.den);
}

export function QuorumBadge({ preset, summoned, present }: { preset: Preset; summoned: number; present: number }) {
  // 0 of 0 would "meet" any quorum: a green tick before anyone typed a number misleads.
  if (summoned === 0)
    return (
      <p class="badge neutral" data-testid="quorum-badge" data-met="false">
        {t('quorumEnterNumbers')}
      </p>
    );
  const met = quorumMet(preset, present, summoned);
  const vars = { present, summoned, need: quorumNeed(preset, summoned) };
  return (
    <p class={`badge ${met ? 'pass' : 'fail'}`} data-testid="quorum-badge" data-met={String(met)}>
      {met ? '✓ ' : '✗ '}
      {t(met ? 'quorumPass' : 'quorumFail', vars)}
    </p>
  );
}

export function SessionForm(props: {
  presets: readonly Preset[];
  initial: SessionInput;
  readOnly?: boolean;
  submitLabel: string;
  onSubmit: (value: SessionInput) => void;
}) {
  const [value, setValue] = useState(props.initial);
  const preset = props.presets.find((p) => p.id === value.presetId) ?? props.presets[0]!;
  const set = <K extends keyof SessionInput>(key: K, v: SessionInput[K]) => setValue({ ...value, [key]: v });
  const tooMany = value.present > value.summoned;
  const num = (e: Event) => Math.max(0, Math.floor(Number((e.currentTarget as HTMLInputElement).value) || 0));
  return (
    <form
      class="session-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!tooMany) props.onSubmit(value);
      }}
    >
      <fieldset disabled={props.readOnly}>
        <label class="wide">
          {t('title')}
          <input name="title" required maxLength={300} value={value.title} onInput={(e) => set('title', e.currentTarget.value)} />
        </label>
        <label>
          {t('organisation')}
          <input name="organisation" maxLength={300} value={value.organisation} onInput={(e) => set('organisation', e.currentTarget.value)} />
        </label>
        <label>
          {t('place')}
          <input name="place" maxLength={200} value={value.place} onInput={(e) => set('place', e.currentTarget.value)} />
        </label>
        <label>
          {t('locality')}
          <input
            name="locality"
            maxLength={100}
            placeholder={t('localityExample')}
            value={value.locality}
            onInput={(e) => set('locality', e.currentTarget.value)}
          />
        </label>
        <label>
          {t('heldOn')}
          <input name="heldOn" type="date" required value={value.heldOn} onInput={(e) => set('heldOn', e.currentTarget.value)} />
        </label>
        <label>
          {t('preset')}
          <select
            name="presetId"
            value={value.presetId}
            onChange={(e) => {
              const next = props.presets.find((p) => p.id === e.currentTarget.value)!;
              setValue({ ...value, presetId: next.id, base: next.base });
            }}
          >
            {props.presets.map((p) => (
              <option value={p.id} key={p.id}>
                {p.name[lang.value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('base')}
          <select name="base" value={value.base} onChange={(e) => set('base', e.currentTarget.value as BaseId)} disabled={preset.baseOptions.length < 2}>
            {preset.baseOptions.map((b) => (
              <option value={b} key={b}>
                {BASE_LABELS[b][lang.value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('summoned')}
          <input name="summoned" type="number" min={0} max={100000} value={value.summoned} onInput={(e) => set('summoned', num(e))} />
        </label>
        <label>
          {t('present')}
          <input name="present" type="number" min={0} max={100000} value={value.present} onInput={(e) => set('present', num(e))} />
        </label>
      </fieldset>
      {tooMany ? <p class="error">{t('presentOverSummoned')}</p> : <QuorumBadge preset={preset} summoned={value.summoned} present={value.present} />}
      {!props.readOnly && (
        <button type="submit" class="primary" disabled={tooMany}>
          {props.submitLabel}
        </button>
      )}
    </form>
  );
}
