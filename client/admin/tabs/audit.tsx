/** The audit log of a vote: time, who, what (counts only), in the words the minutes print. */
import { formatVietnamMoment } from '../../../shared/format';
import { auditActorText, auditDetailText, auditEventText } from '../../../shared/i18n/audit';
import type { TabProps } from '../types';
import { lang, t } from '../state';
import { ErrorNote, useLoad } from '../ui';

export function AuditTab({ session }: TabProps) {
  const { data, error } = useLoad('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
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
                <td class="nowrap">{formatVietnamMoment(e.at, { seconds: true })}</td>
                <td>{auditActorText(e.actor, lang.value)}</td>
                <td>{auditEventText(e.event, lang.value)}</td>
                <td class="detail">{auditDetailText(e.event, e.detail, lang.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
