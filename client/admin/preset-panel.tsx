/**
 * "Quy định áp dụng": the rules this vote is counted by (the session's own copy of its
 * preset), with an "Điều chỉnh" mode while the vote is a draft.
 */
import { useState } from 'preact/hooks';
import './preset.css';
import { describeThreshold } from '../../shared/preset-describe';
import { BASE_LABELS } from '../../shared/presets';
import { call } from './api';
import { PresetEditor } from './preset-editor';
import type { TabProps } from './types';
import { lang, t } from './state';
import { ErrorNote, Notice, useAction } from './ui';

export function PresetPanel({ session, reload }: TabProps) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const preset = session.preset;
  const l = lang.value;
  const draft = session.state === 'draft';
  if (editing && draft) {
    return (
      <PresetEditor
        session={session}
        onDone={async (didSave) => {
          // Reload first, so the panel never shows the rules from before the save.
          if (didSave) await reload();
          setEditing(false);
          setSaved(didSave);
        }}
      />
    );
  }
  return (
    <section class="preset-panel" data-testid="preset-panel" aria-labelledby="preset-title">
      <h2 id="preset-title">
        {t('preset')}: {preset.name[l]} {session.customised && <span class="tag">{t('customisedTag')}</span>}
      </h2>
      <dl class="preset-facts">
        <dt>{t('presetLevels')}</dt>
        <dd>{preset.levels.map((v) => v.label[l]).join(' · ')}</dd>
        <dt>{t('presetThresholds')}</dt>
        <dd>
          <ul class="thresholds">
            {preset.thresholds.map((th) => (
              <li key={th.id}>
                <strong class="rule-line">{describeThreshold(th, preset, l)}</strong> — {th.label[l]}
                {th.consequence[l] && <span class="hint"> {th.consequence[l]}</span>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('base')}</dt>
        <dd>{BASE_LABELS[session.base][l]}</dd>
        <dt>{t('presetQuorumTitle')}</dt>
        <dd>{t('presetQuorum', { num: preset.quorum.num, den: preset.quorum.den })}</dd>
        <dt>{t('presetAddress')}</dt>
        <dd data-testid="preset-address">{t(preset.address === 'dai-bieu' ? 'address_dai_bieu' : 'address_dong_chi')}</dd>
      </dl>
      {preset.sensitive && <p class="hint">{t('presetSensitive')}</p>}
      {draft && (
        <div class="row">
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('presetEdit')}
          </button>
          {session.customised && (
            <button
              type="button"
              class="danger"
              disabled={action.busy}
              onClick={() =>
                action.run(
                  { message: t('confirmResetPreset', { name: preset.name[l] }), danger: true },
                  async () => {
                    await call('POST /api/admin/sessions/:id/preset/reset', { params: { id: session.id } });
                    await reload();
                  },
                  () => t('presetResetDone'),
                )
              }
            >
              {t('presetReset')}
            </button>
          )}
        </div>
      )}
      <ErrorNote code={action.error} />
      <Notice text={action.notice ?? (saved ? t('presetSaved') : null)} />
    </section>
  );
}
