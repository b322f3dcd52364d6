/** The audit log of a vote: time, who, what (counts only). */
import type { Lang } from '../../shared/errors';
import { AUDIT_BOOLEAN_TEXT, AUDIT_DETAIL_TEXT, AUDIT_EVENT_TEXT } from '../../shared/i18n/admin';
import type { TabProps } from './session-view';
import { lang, t } from './state';
import type { AuditRow } from './types';
import { ErrorNote, useLoad } from './ui';

function detailText(detail: Record<string, unknown>, lang: Lang): string {
  return Object.entries(detail)
    .map(([k, v]) => {
      const value = Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? AUDIT_BOOLEAN_TEXT[`${v}`][lang] : String(v);
      return `${AUDIT_DETAIL_TEXT[k]?.[lang] ?? k}: ${value}`;
    })
    .join(' · ');
}

export function AuditTab({ session }: TabProps) {
  const { data, error } = useLoad<{ events: AuditRow[] }>(`/api/admin/sessions/${session.id}/audit`);
  const fmt = new Intl.DateTimeFormat(lang.value === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <>
      <p class="hint">{t('auditNote')}</p>
      <ErrorNote code={error} />
      {data && data.events.length === 0 && <p>{t('auditEmpty')}</p>}
      {data && data.events.length > 0 && (
        <table class="audit">
          <thead>
            <tr>
              <th>{t('auditTime')}</th>
              <th>{t('auditActor')}</th>
              <th>{t('auditEvent')}</th>
              <th>{t('auditDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((e) => (
              <tr key={e.id} data-event={e.event}>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>{e.actor}</td>
                <td>{AUDIT_EVENT_TEXT[e.event]?.[lang.value] ?? e.event}</td>
                <td class="detail">{detailText(e.detail, lang.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
