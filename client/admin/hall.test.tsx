// @vitest-environment happy-dom
/**
 * The console on a laptop that may be mirrored on the projector, against a real test server:
 * the display link's key and unpublished results stay covered until asked for and are
 * covered again when the browser tab is left; the live-results switch; the committee's
 * "Lưu" only when something changed; the session list's order; the paper tab once every
 * paper ballot handed out is keyed, and a mismatch said where the next entry starts.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { castBallots } from '../../test/results';
import { ConfirmHost } from './confirm';
import { LeftoverVoid } from './slips-leftover';
import { SessionList } from './session-list';
import { SessionView } from './session-view';
import { lang, type Tab } from './state';
import { call, useConsoleTestServer } from '../../test/console-server';
import { entryOf } from '../../scripts/lib/client';
import type { SessionDetail } from './types';

const server = useConsoleTestServer(async ({ password }) => void (await call('POST /api/admin/login', { body: { password, operator: 'Thư ký' } })));
afterEach(() => {
  cleanup();
  lang.value = 'vi';
  setVisibility('visible');
});

function Console({ id, tab }: { id: string; tab: Tab }) {
  return (
    <>
      <SessionView id={id} tab={tab} />
      <ConfirmHost />
    </>
  );
}

async function confirm(): Promise<void> {
  await waitFor(() => expect(document.querySelector('.modal')).not.toBeNull());
  fireEvent.click(within(document.querySelector<HTMLElement>('.modal')!).getByText('Xác nhận'));
  await waitFor(() => expect(document.querySelector('.modal')).toBeNull());
}

/** The browser tab hidden (another tab or window in front) or shown again. */
function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** An unsealed vote with two people and `slips` slips, `paper` paper ballots handed out. */
async function unsealedDraft(opts: { slips?: number; paper?: number; title?: string } = {}): Promise<SessionDetail> {
  const { id } = await call('POST /api/admin/sessions', { body: {
    title: opts.title ?? 'Lấy phiếu tín nhiệm',
    organisation: 'Đảng bộ xã',
    place: '',
    heldOn: '2026-11-27',
    presetId: 'nq96-2023-lay-phieu',
    summoned: 10,
    present: 10,
  } });
  await call('PUT /api/admin/sessions/:id/persons', { params: { id }, body: { persons: [{ fullName: 'Người Một', position: 'Chủ tịch' }, { fullName: 'Người Hai', position: 'Phó Chủ tịch' }] } });
  if (opts.slips) await call('POST /api/admin/sessions/:id/slips', { params: { id }, body: { count: opts.slips } });
  if (opts.paper) await call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: opts.paper } });
  await call('POST /api/admin/sessions/:id/box/mode', { params: { id }, body: { sealed: false } });
  return call('GET /api/admin/sessions/:id', { params: { id } });
}

describe('the display link', () => {
  it('shows its address but not its key until "Hiện"; copies it whole while covered; covers it again when the tab is left', async () => {
    const session = await unsealedDraft({ slips: 1 });
    render(<Console id={session.id} tab="run" />);
    const link = await screen.findByTestId('display-link');
    expect(link.textContent).toContain(`/display/${session.id}#`);
    expect(link.textContent).not.toContain(session.displayKey);
    expect(link.dataset.hidden).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Sao chép' }));
    await screen.findByRole('button', { name: 'Đã sao chép' });
    expect(await navigator.clipboard.readText()).toMatch(new RegExp(`/display/${session.id}#${session.displayKey}$`));
    expect(link.textContent).not.toContain(session.displayKey);

    fireEvent.click(screen.getByRole('button', { name: 'Hiện' }));
    await waitFor(() => expect(link.textContent).toContain(`#${session.displayKey}`));
    expect(screen.getByRole('button', { name: 'Ẩn' }).getAttribute('aria-pressed')).toBe('true');
    setVisibility('hidden');
    await waitFor(() => expect(link.textContent).not.toContain(session.displayKey));
    expect(screen.getByRole('button', { name: 'Hiện' })).toBeTruthy();
  });
});

describe('the results panel', () => {
  it('covers unpublished results until asked; leaving the tab or the browser tab covers them again; once published they show', async () => {
    const session = await unsealedDraft({ slips: 2 });
    await call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { slips } = await call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'unused' } });
    await castBallots(server.url, session.id, slips, [Object.fromEntries(session.persons.map((p) => [p.id!, 'high']))]);
    await call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });

    const view = render(<Console id={session.id} tab="results" />);
    const covered = await screen.findByTestId('results-covered', {}, { timeout: 10_000 });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByTestId('results-display-link').textContent).not.toContain(session.displayKey);
    fireEvent.click(within(covered).getByRole('button', { name: 'Hiện kết quả' }));
    const table = await screen.findByRole('table');
    // Every percentage on one line.
    for (const cell of table.querySelectorAll('td.level')) expect(cell.textContent).toMatch(/^\d+ \(\d+,\d{2}%\)$/);
    setVisibility('hidden');
    await screen.findByTestId('results-covered');
    setVisibility('visible');
    fireEvent.click(screen.getByRole('button', { name: 'Hiện kết quả' }));
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Ẩn kết quả' }));
    await screen.findByTestId('results-covered');

    // Another tab and back: covered.
    view.unmount();
    render(<Console id={session.id} tab="results" />);
    await screen.findByTestId('results-covered', {}, { timeout: 10_000 });

    // Published results are public: shown, with the moment of publishing in Vietnam's time.
    fireEvent.click(screen.getByRole('button', { name: 'Công bố kết quả' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Xác nhận công bố' }));
    await screen.findByRole('table', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('results-covered')).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^Đã công bố kết quả lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  });

  it('turns live results on and off with a labelled switch', async () => {
    const session = await unsealedDraft({ slips: 1 });
    render(<Console id={session.id} tab="results" />);
    const toggle = (await screen.findByRole('switch', { name: /Hiển thị kết quả trực tiếp khi đang bỏ phiếu/ }, { timeout: 10_000 })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByTestId('live-results').textContent).toContain('Đang tắt');
    fireEvent.click(toggle);
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true));
    expect(screen.getByTestId('live-results').textContent).toContain('Đang bật');
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).liveResults).toBe(true);
    fireEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false));
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).liveResults).toBe(false);
  });
});

describe('the committee tab', () => {
  it('offers "Lưu" only once something changed, and not again after saving', async () => {
    const session = await unsealedDraft();
    render(<Console id={session.id} tab="committee" />);
    const name = (await screen.findAllByLabelText('Họ và tên'))[0] as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Lưu' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(name, { target: { value: 'Đỗ Thị Hương' } });
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(screen.getByText('Có thay đổi chưa lưu.')).toBeTruthy();
    fireEvent.click(save);
    await confirm();
    await screen.findByText('Đã lưu.');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Lưu' }) as HTMLButtonElement).disabled).toBe(true));
    expect(screen.queryByText('Có thay đổi chưa lưu.')).toBeNull();
    expect((await call('GET /api/admin/sessions/:id/committee', { params: { id: session.id } })).members).toMatchObject([{ fullName: 'Đỗ Thị Hương', role: 'Trưởng ban' }]);
  });
});

describe('the session list', () => {
  it('says ballots handed out before ballots collected', async () => {
    await unsealedDraft({ slips: 3, title: 'Thứ tự phát ra, thu về' });
    render(<SessionList />);
    const row = (await screen.findAllByTestId('session-row', {}, { timeout: 10_000 })).find((r) => r.textContent!.includes('Thứ tự phát ra, thu về'))!;
    const text = row.textContent!;
    expect(text).toContain('Tổng số phiếu phát ra: 3 · Tổng số phiếu thu về: 0');
  });
});

describe('the paper tab', () => {
  it('says a mismatch at the top of the sheet as an alert, and offers no new sheet once every paper ballot is recorded', async () => {
    const session = await unsealedDraft({ paper: 1 });
    await call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    // happy-dom keeps one cookie jar: each operator logs in in turn.
    const as = (operator: string) => call('POST /api/admin/login', { body: { password: server.password, operator } });
    const entries = `/api/admin/sessions/${session.id}/paper/entries`;
    const sheet = (level: string) => ({ invalidSheet: false, marks: Object.fromEntries(session.persons.map((p) => [p.id!, level])) });
    // B keys the sheet first; here, the second entry differs.
    await as('Ủy viên B');
    const first = await call('POST /api/admin/sessions/:id/paper/entries', { params: { id: session.id }, body: sheet('high') });
    await as('Thư ký');
    render(<Console id={session.id} tab="paper" />);
    const form = (await screen.findByText('Ghi lần nhập', {}, { timeout: 10_000 })).closest('form')!;
    // One sheet handed out and it is waiting: no new first entry, only its second.
    expect(within(form).queryByText('Lần nhập thứ nhất (phiếu mới)')).toBeNull();
    expect((within(form).getByLabelText(`Lần nhập thứ hai cho phiếu ${entryOf(first)} (do Ủy viên B nhập lần một)`) as HTMLInputElement).checked).toBe(true);
    for (const row of within(form).getAllByTestId('sheet-row')) fireEvent.click(within(row).getByLabelText('Tín nhiệm thấp'));
    fireEvent.submit(form);
    await confirm();
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('paper-mismatch');
    // Before the sheet, not under its button.
    expect(alert.compareDocumentPosition(within(form).getAllByTestId('sheet-row')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('paper-outcome')));

    // Both gone: a new first entry here, the second by B; then the one sheet is recorded.
    await waitFor(() => expect(within(form).getByLabelText('Lần nhập thứ nhất (phiếu mới)')).toBeTruthy());
    for (const row of within(form).getAllByTestId('sheet-row')) fireEvent.click(within(row).getByLabelText('Tín nhiệm cao'));
    fireEvent.submit(form);
    await screen.findByText(/Đã lưu lần nhập thứ nhất/);
    const mine = (await call('GET /api/admin/sessions/:id/paper', { params: { id: session.id } })).pending[0]!;
    await screen.findByText(`Phiếu ${mine.id}: đồng chí đã nhập lần một, chờ người khác nhập lần hai`);
    expect(screen.getByTestId('paper-done').textContent).toBe('Mọi phiếu giấy đã phát đều đã được nhập lần một; chỉ còn chờ người khác nhập lần hai.');
    expect(screen.queryByText('Ghi lần nhập')).toBeNull();
    await as('Ủy viên B');
    await call('POST /api/admin/sessions/:id/paper/entries', { params: { id: session.id }, body: { ...sheet('high'), pendingId: mine.id } });
    await as('Thư ký');

    cleanup();
    render(<Console id={session.id} tab="paper" />);
    await waitFor(() => expect(screen.getByTestId('paper-done').textContent).toBe('Đã ghi đủ 1 phiếu giấy đã phát: không còn phiếu giấy nào để nhập.'), { timeout: 10_000 });
    expect(screen.queryByText('Ghi lần nhập')).toBeNull();
    expect(screen.queryByText('Lần nhập thứ nhất (phiếu mới)')).toBeNull();
  });
});

describe('leftover slips', () => {
  it('says the camera needs the laptop itself (localhost) when the browser gives none, and keeps typing', async () => {
    const media = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    try {
      render(<LeftoverVoid sessionId="x" unused={3} draft onDone={async () => {}} />);
      expect(screen.getByTestId('slip-camera-problem').textContent).toContain('http://localhost');
      expect((screen.getByRole('button', { name: 'Quét mã QR các phiếu còn lại' }) as HTMLButtonElement).disabled).toBe(true);
      expect(screen.getByLabelText('Mã các phiếu còn lại (mỗi dòng một mã)')).toBeTruthy();
    } finally {
      if (media) Object.defineProperty(navigator, 'mediaDevices', media);
      else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    }
  });
});
