/** The tally committee (Ban kiểm phiếu), printed in the minutes. */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import type { TabProps } from '../types';
import { t } from '../state';
import { ErrorNote, Notice, useAction, useLoad } from '../ui';

interface Member {
  fullName: string;
  role: string;
}
const ROLES = ['Trưởng ban', 'Phó Trưởng ban', 'Ủy viên', 'Thư ký'];

export function CommitteeTab({ session }: TabProps) {
  const { data, error, reload } = useLoad('GET /api/admin/sessions/:id/committee', { params: { id: session.id } });
  const [rows, setRows] = useState<Member[]>([]);
  const action = useAction();
  const locked = session.publishedAt !== null;
  useEffect(() => {
    if (data) setRows(data.members.length > 0 ? data.members : [{ fullName: '', role: 'Trưởng ban' }]);
  }, [data]);
  const edit = (i: number, field: keyof Member, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const filled = rows.filter((r) => r.fullName.trim() !== '');
  // "Lưu" only when the list differs from what is saved: after saving it goes quiet again.
  const same = (a: Member[], b: Member[]) => a.length === b.length && a.every((m, i) => m.fullName.trim() === b[i]!.fullName.trim() && m.role.trim() === b[i]!.role.trim());
  const changed = data !== null && !same(filled, data.members);
  return (
    <>
      <p class="hint">{t('committeeHint')}</p>
      <ErrorNote code={error ?? action.error} />
      <datalist id="committee-roles">
        {ROLES.map((r) => (
          <option value={r} key={r} />
        ))}
      </datalist>
      <table class="people">
        <thead>
          <tr>
            <th>{t('order')}</th>
            <th>{t('fullName')}</th>
            <th>{t('role')}</th>
            <th>
              <span class="sr-only">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="member-row">
              <td class="num">{i + 1}</td>
              <td>
                <input aria-label={t('fullName')} disabled={locked} maxLength={200} value={r.fullName} onInput={(e) => edit(i, 'fullName', e.currentTarget.value)} />
              </td>
              <td>
                <input aria-label={t('role')} disabled={locked} maxLength={100} list="committee-roles" value={r.role} onInput={(e) => edit(i, 'role', e.currentTarget.value)} />
              </td>
              <td>
                <button
                  type="button"
                  class="danger"
                  disabled={locked}
                  aria-label={t('removeNamed', { name: r.fullName.trim() || t('rowNumber', { n: i + 1 }) })}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!locked && (
        <div class="row">
          <button type="button" onClick={() => setRows([...rows, { fullName: '', role: 'Ủy viên' }])}>
            {t('addMember')}
          </button>
          <button
            type="button"
            class="primary"
            disabled={action.busy || !changed}
            onClick={() =>
              action.run({ message: t('confirmSaveCommittee', { n: filled.length }) }, () => call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: filled } }), () => {
                void reload();
                return t('saved');
              })
            }
          >
            {t('save')}
          </button>
          {changed && <span class="warn">{t('unsaved')}</span>}
        </div>
      )}
      <Notice text={action.notice} />
    </>
  );
}
