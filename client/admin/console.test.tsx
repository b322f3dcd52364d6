// @vitest-environment happy-dom
/**
 * Component tests of the console screens. Screens that load or save talk to a real test
 * server (real SQLite file) through happy-dom's fetch on the server's origin.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatVietnamMoment } from '../../shared/format';
import { auditDetailText, auditEventText } from '../../shared/i18n/audit';
import { findPreset } from '../../shared/presets';
import { AuditTab } from './tabs/audit';
import { ask, ConfirmHost } from './confirm';
import { Login } from './login';
import { PaperSheetForm } from './paper-sheet';
import { PeopleImport } from './people-import';
import { QuorumBadge, SessionForm } from './session-form';
import { splitCodes } from './slips-leftover';
import { lang, operator } from './state';
import { call, useConsoleTestServer } from '../../test/console-server';
import type { PaperStatus, SessionDetail } from './types';

const server = useConsoleTestServer();
afterEach(() => {
  cleanup();
  lang.value = 'vi';
});

const qd96 = findPreset('qd96-2023')!;

describe('Login', () => {
  it('shows the Vietnamese message for a wrong password, then logs in with the operator name', async () => {
    operator.value = null;
    render(<Login />);
    fireEvent.input(document.querySelector('input[name=password]')!, { target: { value: 'sai-mat-khau' } });
    fireEvent.submit(document.querySelector('form')!);
    await screen.findByText('Mật khẩu không đúng.');
    fireEvent.input(document.querySelector('input[name=password]')!, { target: { value: server.password } });
    fireEvent.input(document.querySelector('input[name=operator]')!, { target: { value: 'Hoàng Thị Lan' } });
    fireEvent.submit(document.querySelector('form')!);
    await waitFor(() => expect(operator.value).toBe('Hoàng Thị Lan'));
  });

  it('switches to English', () => {
    render(<Login />);
    fireEvent.click(screen.getByText('English'));
    expect(screen.getByText('Secretariat log in')).toBeTruthy();
  });
});

describe('Quorum badge and session form', () => {
  it('passes at exactly 2/3 and fails one below', () => {
    const { rerender } = render(<QuorumBadge preset={qd96} summoned={30} present={20} />);
    expect(screen.getByTestId('quorum-badge').dataset.met).toBe('true');
    expect(screen.getByTestId('quorum-badge').textContent).toContain('20/30 có mặt (cần ít nhất 20)');
    rerender(<QuorumBadge preset={qd96} summoned={30} present={19} />);
    expect(screen.getByTestId('quorum-badge').dataset.met).toBe('false');
    expect(screen.getByTestId('quorum-badge').textContent).toContain('Chưa đủ số lượng');
  });

  it('refuses more present than summoned, and submits the values typed', () => {
    const submitted: unknown[] = [];
    render(
      <SessionForm
        presets={[qd96]}
        initial={{ title: 'T', organisation: '', place: '', locality: '', heldOn: '2026-11-27', presetId: qd96.id, base: 'collected', summoned: 10, present: 5 }}
        submitLabel="Tạo"
        onSubmit={(v) => submitted.push(v)}
      />,
    );
    fireEvent.input(document.querySelector('input[name=present]')!, { target: { value: '11' } });
    expect(screen.getByText('Số người có mặt không thể lớn hơn số người được triệu tập.')).toBeTruthy();
    expect((screen.getByText('Tạo') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(document.querySelector('input[name=present]')!, { target: { value: '7' } });
    fireEvent.submit(document.querySelector('form')!);
    expect(submitted).toEqual([expect.objectContaining({ summoned: 10, present: 7, title: 'T' })]);
  });
});

describe('Confirm dialog', () => {
  it('resolves false on cancel and true on confirm, and needs the box ticked when asked', async () => {
    render(<ConfirmHost />);
    const first = ask({ message: 'Xóa?' });
    fireEvent.click(await screen.findByText('Hủy bỏ'));
    expect(await first).toBe(false);

    const second = ask({ message: 'Mở?', requireTick: 'Tôi xác nhận' });
    await screen.findByText('Mở?');
    const confirm = screen.getByText('Xác nhận') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Tôi xác nhận'));
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);
    expect(await second).toBe(true);
    expect(document.querySelector('.modal')).toBeNull();
  });
});

describe('People import', () => {
  it('previews a paste with a bad row, imports nothing until confirmed, then imports the good rows', async () => {
    await call('POST /api/admin/login', { body: { password: server.password } });
    const session = await call('POST /api/admin/sessions', { body: {
      title: 'Thử nhập danh sách',
      organisation: '',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 10,
      present: 10,
    } });
    let imported = 0;
    render(
      <>
        <PeopleImport sessionId={session.id} onImported={async () => void imported++} />
        <ConfirmHost />
      </>,
    );
    const nfd = 'Đỗ Thị Ngọc Ánh'.normalize('NFD');
    fireEvent.input(document.querySelector('textarea')!, { target: { value: `${nfd}\tTrưởng phòng\n\tthiếu tên\n` } });
    fireEvent.click(screen.getByText('Xem trước'));
    await screen.findByText('1 dòng hợp lệ, 1 dòng lỗi (chưa nhập gì).');
    expect(document.querySelector('[data-code=csv-empty-name]')!.textContent).toContain('Dòng 2');
    expect(screen.getByText('Đỗ Thị Ngọc Ánh'.normalize('NFC'))).toBeTruthy();
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).persons).toHaveLength(0);

    fireEvent.click(screen.getByText('Nhập 1 người'));
    fireEvent.click(await screen.findByText('Xác nhận'));
    await waitFor(() => expect(imported).toBe(1));
    const after = await call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(after.persons.map((p: { fullName: string }) => p.fullName)).toEqual(['Đỗ Thị Ngọc Ánh'.normalize('NFC')]);
  });
});

describe('Paper sheet form', () => {
  it('needs a choice for every person (or the whole sheet invalid) before a first entry is saved', async () => {
    await call('POST /api/admin/login', { body: { password: server.password, operator: 'Ủy viên A' } });
    const created = await call('POST /api/admin/sessions', { body: {
      title: 'Phiếu giấy',
      organisation: '',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 3,
      present: 3,
    } });
    await call('PUT /api/admin/sessions/:id/persons', { params: { id: created.id }, body: { persons: [{ fullName: 'Người Một', position: '' }, { fullName: 'Người Hai', position: '' }] } });
    await call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: created.id }, body: { count: 1 } });
    // Paper ballots only: an unsealed phone box needs no sealing ceremony.
    await call('POST /api/admin/sessions/:id/box/mode', { params: { id: created.id }, body: { sealed: false } });
    await call('POST /api/admin/sessions/:id/open', { params: { id: created.id }, body: {} });
    const session = await call('GET /api/admin/sessions/:id', { params: { id: created.id } });
    const status = await call('GET /api/admin/sessions/:id/paper', { params: { id: created.id } });
    let changed = 0;
    render(<PaperSheetForm session={session} status={status} onChange={async () => void changed++} />);
    const submit = screen.getByText('Ghi lần nhập') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByText('Còn 2 người chưa chọn mức (hoặc “Không hợp lệ”).')).toBeTruthy();
    fireEvent.click(document.querySelectorAll<HTMLInputElement>(`input[name="mark-${session.persons[0]!.id}"]`)[2]!);
    await screen.findByText('Còn 1 người chưa chọn mức (hoặc “Không hợp lệ”).');
    fireEvent.click(screen.getByLabelText('Cả phiếu không hợp lệ'));
    await waitFor(() => expect(submit.disabled).toBe(false));
    fireEvent.submit(document.querySelector('form.paper')!);
    await screen.findByText(/Đã lưu lần nhập thứ nhất \(phiếu [0-9A-Z]{5}\)/);
    const after = await call('GET /api/admin/sessions/:id/paper', { params: { id: created.id } });
    expect(after.pending).toEqual([expect.objectContaining({ operator: 'Ủy viên A', mine: true })]);
    expect(changed).toBeGreaterThan(0);
  });
});

describe('splitCodes', () => {
  it('reads one code per line, commas or semicolons, ignoring blanks', () => {
    expect(splitCodes('AAAA-BBBBBBB\n\n cccc-ddddddd ;EEEE-FFFFFFF,')).toEqual(['AAAA-BBBBBBB', 'cccc-ddddddd', 'EEEE-FFFFFFF']);
  });
});

describe('Log tab', () => {
  it('prints each row in the shared audit words, in Vietnamese then English, at Vietnam time', async () => {
    await call('POST /api/admin/login', { body: { password: server.password, operator: 'Lê Thư Ký' } });
    const created = await call('POST /api/admin/sessions', { body: {
      title: 'Nhật ký',
      organisation: '',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 5,
      present: 5,
    } });
    await call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: created.id }, body: { mode: 'append', rows: [{ fullName: 'Người Một', position: '' }] } });
    await call('PATCH /api/admin/sessions/:id', { params: { id: created.id }, body: { title: 'Nhật ký cuộc họp', heldOn: '2026-11-28' } });
    const session = await call('GET /api/admin/sessions/:id', { params: { id: created.id } });
    const { events } = await call('GET /api/admin/sessions/:id/audit', { params: { id: created.id } });
    const cells = () => [...document.querySelectorAll('table.audit tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const view = render(<AuditTab session={session} reload={async () => {}} />);
    await waitFor(() => expect(cells()).toHaveLength(events.length));
    expect(cells()).toEqual(events.map((e) => [formatVietnamMoment(e.at, { seconds: true }), 'Lê Thư Ký', auditEventText(e.event, 'vi'), auditDetailText(e.event, e.detail, 'vi')]));
    const text = document.querySelector('table.audit')!.textContent!;
    expect(text).toContain('quy định: Quy định 96-QĐ/TW');
    expect(text).toContain('số lượng: 1; số người nhập từ tệp: 1; cách nhập: thêm vào danh sách');
    expect(text).toContain('mục: tên, ngày');
    expect(text).toMatch(/\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    for (const raw of ['presetId', 'imported', 'mode:', 'append', 'fields', 'heldOn']) expect(text).not.toContain(raw);

    view.unmount();
    lang.value = 'en';
    render(<AuditTab session={session} reload={async () => {}} />);
    await waitFor(() => expect(cells()).toHaveLength(events.length));
    expect(cells().map((row) => row[3])).toEqual(events.map((e) => auditDetailText(e.event, e.detail, 'en')));
    expect(document.querySelector('table.audit')!.textContent).toContain('import: added to the list');
  });
});
