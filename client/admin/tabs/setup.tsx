/** Details and attendance of a vote; editable while it is a draft. */
import { ADMIN_STRINGS } from '../../../shared/i18n/admin';
import { call } from '../api';
import { BoxPanel } from '../box-panel';
import { PresetPanel } from '../preset-panel';
import { SessionForm } from '../session-form';
import type { TabProps } from '../types';
import { lang, t } from '../state';
import { ErrorNote, Notice, useAction, useLoad } from '../ui';

export function SetupTab({ session, reload }: TabProps) {
  const presets = useLoad('GET /api/admin/presets');
  const action = useAction();
  const draft = session.state === 'draft';
  // A draft keeps its own copy of the preset; the list offers the shipped ones.
  const own = session.customised
    ? { ...session.preset, name: { vi: `${session.preset.name.vi} ${ADMIN_STRINGS.vi.customisedTag}`, en: `${session.preset.name.en} ${ADMIN_STRINGS.en.customisedTag}` } }
    : session.preset;
  const list = presets.data ? presets.data.presets.map((p) => (p.id === session.presetId ? own : p)) : null;
  return (
    <>
      {!draft && <p class="notice">{t('readOnly')}</p>}
      {list && (
        <SessionForm
          key={`${session.id}/${session.state}/${session.base}/${JSON.stringify(session.preset)}`}
          presets={list}
          readOnly={!draft}
          initial={session}
          submitLabel={t('save')}
          onSubmit={(value) =>
            action.run(
              value.presetId !== session.presetId && session.customised
                ? { message: t('confirmPresetSwitch', { name: session.preset.name[lang.value] }), danger: true }
                : { message: t('confirmSaveSession') },
              async () => {
                const { title, organisation, place, locality, heldOn, presetId, base, summoned, present } = value;
                await call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title, organisation, place, locality, heldOn, presetId, base, summoned, present } });
                await reload();
              },
              () => t('saved'),
            )
          }
        />
      )}
      <ErrorNote code={action.error} />
      <Notice text={action.notice} />
      <BoxPanel session={session} reload={reload} />
      <PresetPanel session={session} reload={reload} />
    </>
  );
}
