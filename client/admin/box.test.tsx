// @vitest-environment happy-dom
/**
 * The sealed ballot box in the console against a real test server: choosing an unsealed
 * box, the sealing ceremony one member at a time, the Open button waiting for the seal, and
 * opening the box share by share after close (a wrong share, k−1 shares, k shares).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../../scripts/lib/client';
import { ConfirmHost } from './confirm';
import { SessionView } from './session-view';
import { ShareScanner } from './share-scanner';
import { lang, type Tab } from './state';
import { call, useConsoleTestServer } from '../../test/console-server';
import type { SessionDetail } from './types';

const server = useConsoleTestServer(async ({ password }) => void (await call('POST /api/admin/login', { body: { password, operator: 'Thư ký' } })));
afterEach(() => {
  cleanup();
  lang.value = 'vi';
});

const COMMITTEE = [
  { fullName: 'Đỗ Thị Thanh Hương', role: 'Trưởng ban' },
  { fullName: 'Ngô Văn Lực', role: 'Ủy viên' },
  { fullName: 'Trịnh Bảo Châu', role: 'Ủy viên' },
];

/** A draft with two people, three slips and the three-member committee; not sealed yet. */
async function draft(title = 'Lấy phiếu tín nhiệm'): Promise<SessionDetail> {
  const { id } = await call('POST /api/admin/sessions', { body: {
    title,
    organisation: 'Đảng bộ xã',
    place: '',
    heldOn: '2026-11-27',
    presetId: 'qd96-2023',
    summoned: 10,
    present: 10,
  } });
  await call('PUT /api/admin/sessions/:id/persons', { params: { id }, body: { persons: [{ fullName: 'Người Một', position: 'Bí thư' }, { fullName: 'Người Hai', position: 'Phó Bí thư' }] } });
  await call('POST /api/admin/sessions/:id/slips', { params: { id }, body: { count: 3 } });
  await call('PUT /api/admin/sessions/:id/committee', { params: { id }, body: { members: COMMITTEE } });
  return call('GET /api/admin/sessions/:id', { params: { id } });
}

/** Seal (2 of 3), open, cast one phone ballot per entry of `marks`, close: a box waiting for its shares. */
async function closedSealed(marks: string[]): Promise<{ session: SessionDetail; codes: string[] }> {
  const session = await draft();
  const sealed = await call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} });
  await call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  const open = await call('GET /api/admin/sessions/:id', { params: { id: session.id } });
  const { slips } = await call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'unused' } });
  const ws = await WsClient.connect(server.url);
  for (const [i, level] of marks.entries()) {
    const cast = await sealBallot(slipFromPath(slips[i]!.path), { id: open.id, box: open.box.publicKey, persons: open.persons, levels: open.preset.levels }, Object.fromEntries(open.persons.map((p) => [p.id, level])));
    await ws.request({ type: 'slip.open', slipId: cast.slipId, proof: cast.proof });
    expect(await ws.request(castMessage(cast))).toMatchObject({ type: 'recorded' });
  }
  ws.close();
  await call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
  return { session, codes: sealed.shares.map((s) => s.code) };
}

function Console({ id, tab }: { id: string; tab: Tab }) {
  return (
    <>
      <SessionView id={id} tab={tab} />
      <ConfirmHost />
    </>
  );
}

/** The ask-first dialog (the ceremony is a dialog too, under it). */
async function modal(): Promise<HTMLElement> {
  await waitFor(() => expect(document.querySelector('.modal')).not.toBeNull());
  return document.querySelector<HTMLElement>('.modal')!;
}
async function confirm(): Promise<void> {
  const button = within(await modal()).getByText('Xác nhận') as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  fireEvent.click(button);
}
const shareCode = () => document.querySelector('[data-testid=share-code]')?.textContent ?? null;

/** Everything stored in the page's storage, keys and values. */
function stored(): string {
  const all: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) all.push(storage.key(i)!, storage.getItem(storage.key(i)!)!);
  }
  return all.join('\n');
}

describe('choosing the box', () => {
  it('is sealed by default; choosing unsealed asks first, explains, and is logged', async () => {
    const session = await draft();
    render(<Console id={session.id} tab="setup" />);
    const panel = await screen.findByTestId('box-panel');
    expect((within(panel).getByDisplayValue('sealed') as HTMLInputElement).checked).toBe(true);
    expect(within(panel).getByTestId('box-status').textContent).toBe('Chưa niêm phong: cần niêm phong trước khi mở bỏ phiếu.');
    expect(panel.textContent).toContain('Máy chủ đọc được từng phiếu ngay khi phiếu đến. Cho phép hiển thị kết quả trực tiếp.');

    // Cancelling changes nothing, on screen or on the server.
    fireEvent.click(within(panel).getByText('Không niêm phong'));
    fireEvent.click(await screen.findByText('Hủy bỏ'));
    await waitFor(() => expect(document.querySelector('.modal')).toBeNull());
    expect((within(panel).getByDisplayValue('sealed') as HTMLInputElement).checked).toBe(true);
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).sealed).toBe(true);

    fireEvent.click(within(panel).getByText('Không niêm phong'));
    expect((await modal()).textContent).toContain('in trong biên bản kiểm phiếu');
    await confirm();
    await waitFor(() => expect(screen.getByTestId('box-status').textContent).toBe('Hòm phiếu không niêm phong: máy chủ đọc được từng phiếu khi phiếu đến.'));
    expect((screen.getByDisplayValue('unsealed') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText('Niêm phong hòm phiếu')).toBeNull();
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).sealed).toBe(false);
    const { events } = await call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.map((e) => e.event)).toContain('box.unsealed-chosen');
  });

  it('asks for the committee first when fewer than two members are entered', async () => {
    const session = await draft();
    await call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: COMMITTEE.slice(0, 1) } });
    render(<Console id={session.id} tab="setup" />);
    await screen.findByText('Cần ít nhất 2 thành viên Ban kiểm phiếu để niêm phong. Nhập Ban kiểm phiếu trước.');
    expect(screen.queryByText('Niêm phong hòm phiếu')).toBeNull();
  });
});

describe('in English', () => {
  it('reads the box panel and the opening panel on the toggle', async () => {
    const session = await draft();
    lang.value = 'en';
    render(<Console id={session.id} tab="setup" />);
    const panel = await screen.findByTestId('box-panel');
    expect(panel.textContent).toContain('Sealed (recommended)');
    expect(panel.textContent).toContain('The server can read every ballot as it arrives. Allows live results.');
    await within(panel).findByText('2 of 3 members (majority, default)');
    fireEvent.click(within(panel).getByText('Seal the ballot box'));
    expect((await modal()).textContent).toContain('STOP MIRRORING this laptop on the projector');
    cleanup();

    const { session: closed } = await closedSealed([]);
    render(<Console id={closed.id} tab="results" />);
    await waitFor(() => expect(screen.getByTestId('box-count').textContent).toBe('0 of 2 shares presented — 2 more needed'));
    expect(screen.getByText('Scan QR code')).toBeTruthy();
  });
});

describe('the Open button', () => {
  it('waits for the seal, saying why; the live results switch is replaced by an explanation', async () => {
    const session = await draft();
    render(<Console id={session.id} tab="run" />);
    const open = (await screen.findByText('Mở bỏ phiếu')) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    expect(screen.getByTestId('needs-seal').textContent).toBe('Cần niêm phong hòm phiếu trước khi mở bỏ phiếu.');
    cleanup();

    render(<Console id={session.id} tab="results" />);
    const live = await screen.findByTestId('live-sealed');
    expect(live.textContent).toContain('Hòm phiếu niêm phong: không có kết quả trực tiếp');
    expect(live.textContent).toContain('chọn hòm phiếu không niêm phong ở thẻ Thông tin');
    expect(screen.queryByText('Bật kết quả trực tiếp')).toBeNull();
    expect(live.querySelector('button')).toBeNull();
  });
});

describe('the sealing ceremony', () => {
  it('warns, then shows each member’s share alone, the previous one gone before the next, and keeps none', async () => {
    const session = await draft();
    render(<Console id={session.id} tab="setup" />);
    const panel = await screen.findByTestId('box-panel');
    await within(panel).findByText('Trịnh Bảo Châu — Ủy viên');
    const threshold = panel.querySelector<HTMLSelectElement>('select[name=threshold]')!;
    expect(threshold.value).toBe('2');
    expect(threshold.selectedOptions[0]!.textContent).toBe('2 trong 3 thành viên (đa số, mặc định)');

    fireEvent.click(within(panel).getByText('Niêm phong hòm phiếu'));
    const dialog = await modal();
    expect(dialog.textContent).toContain('Nếu ít hơn 2 người xuất trình được, phiếu điện thoại sẽ không bao giờ đọc được (phiếu giấy không bị ảnh hưởng).');
    expect(dialog.textContent).toContain('NGỪNG CHIẾU màn hình máy tính này lên máy chiếu');
    // Confirming needs the projector box ticked.
    expect((within(dialog).getByText('Xác nhận') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Màn hình máy tính này không còn được chiếu lên máy chiếu.'));
    await confirm();

    const ceremony = await screen.findByTestId('ceremony');
    const codes: string[] = [];
    for (const [i, member] of COMMITTEE.entries()) {
      await waitFor(() => expect(within(ceremony).getByTestId('ceremony-member').textContent).toBe(`Thành viên ${i + 1}/3: ${member.fullName} — ${member.role}`));
      // Covered: no share on the page, and none of the earlier ones either.
      expect(shareCode()).toBeNull();
      for (const earlier of codes) expect(document.body.textContent).not.toContain(earlier);
      fireEvent.click(within(ceremony).getByText(`Hiện mảnh khóa của ${member.fullName}`));
      await waitFor(() => expect(shareCode()).not.toBeNull());
      expect(ceremony.textContent).toContain('Chỉ người này nhìn màn hình.');
      const code = shareCode()!;
      expect(code).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{3}$/);
      expect(ceremony.querySelector(`svg.qr[aria-label="Mã QR mảnh khóa của ${member.fullName}"]`)).not.toBeNull();
      codes.push(code);
      fireEvent.click(within(ceremony).getByText(i < 2 ? 'Đã nhận — người tiếp theo' : 'Đã nhận — hoàn tất'));
    }
    expect(new Set(codes).size).toBe(3);
    await within(ceremony).findByText('Đã niêm phong: cần 2/3 mảnh khóa để mở.');
    expect(shareCode()).toBeNull();
    fireEvent.click(within(ceremony).getByText('Đóng'));
    await waitFor(() => expect(screen.queryByTestId('ceremony')).toBeNull());

    await waitFor(() => expect(screen.getByTestId('box-status').textContent).toMatch(/^Đã niêm phong lúc .+: cần 2\/3 mảnh khóa để mở hòm\.$/));
    for (const code of codes) {
      expect(document.body.innerHTML).not.toContain(code);
      expect(stored()).not.toContain(code);
      expect(stored()).not.toContain(code.replace(/-/g, ''));
    }
    const after = await call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(after.box).toMatchObject({ threshold: 2 });
    expect(after.boxHolders.map((h) => h.fullName)).toEqual(COMMITTEE.map((m) => m.fullName));

    // Sealing again warns that the old shares become void.
    fireEvent.click(screen.getByText('Niêm phong lại'));
    expect((await modal()).textContent).toContain('mọi mảnh khóa đã trao trước đây không còn giá trị');
    fireEvent.click(screen.getByText('Hủy bỏ'));

    // Now voting can open.
    cleanup();
    render(<Console id={session.id} tab="run" />);
    await waitFor(() => expect((screen.getByText('Mở bỏ phiếu') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId('run-box').textContent).toBe('Hòm phiếu điện tử đã niêm phong: cần 2/3 mảnh khóa để mở sau khi kết thúc bỏ phiếu.');
  });

  it('stopped halfway, it says the box must be sealed again', async () => {
    const session = await draft();
    render(<Console id={session.id} tab="setup" />);
    fireEvent.click(await screen.findByText('Niêm phong hòm phiếu'));
    fireEvent.click(within(await modal()).getByRole('checkbox'));
    await confirm();
    const ceremony = await screen.findByTestId('ceremony');
    fireEvent.click(await within(ceremony).findByText('Hiện mảnh khóa của Đỗ Thị Thanh Hương'));
    fireEvent.click(await within(ceremony).findByText('Đã nhận — người tiếp theo'));
    fireEvent.click(within(ceremony).getByText('Dừng'));
    expect((await modal()).textContent).toContain('2 thành viên chưa nhận');
    await confirm();
    await waitFor(() => expect(screen.queryByTestId('ceremony')).toBeNull());
    expect(screen.getByRole('alert').textContent).toBe('Lễ niêm phong chưa xong: 2 thành viên chưa nhận mảnh khóa. Niêm phong lại trước khi mở bỏ phiếu.');
  });
});

describe('opening the box', () => {
  const typeShare = (code: string) => {
    fireEvent.input(document.querySelector('input[name=share]')!, { target: { value: code } });
    fireEvent.submit(document.querySelector('form.share-form')!);
  };

  it('refuses a share of another box and a mistyped one, changing nothing', async () => {
    const { session } = await closedSealed(['high']);
    const other = await closedSealed([]);
    render(<Console id={session.id} tab="results" />);
    await screen.findByTestId('box-opening');
    expect(screen.getByTestId('box-count').textContent).toBe('Đã xuất trình 0/2 mảnh khóa — cần thêm 2');
    expect(screen.queryByTestId('results-panel')).toBeNull();

    typeShare(other.codes[0]!);
    const wrong = await screen.findByRole('alert');
    expect(wrong.dataset.code).toBe('box-share-wrong');
    expect(wrong.textContent).toBe('Mảnh khóa không đúng với hòm phiếu này. Không có gì thay đổi.');
    expect(screen.getByTestId('box-count').textContent).toBe('Đã xuất trình 0/2 mảnh khóa — cần thêm 2');
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).boxPresented).toEqual([]);

    typeShare('ABCDE-FGHJK');
    await waitFor(() => expect(screen.getByRole('alert').dataset.code).toBe('box-share-format'));
    expect(screen.getByRole('alert').textContent).toBe('Mảnh khóa gồm 53 ký tự. Xin kiểm tra lại mã in trên thẻ.');
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).boxPresented).toEqual([]);
  });

  it('with k−1 shares the results stay locked ("cần thêm 1"); the k-th opens the box and shows results', async () => {
    const { session, codes } = await closedSealed(['high', 'low']);
    render(<Console id={session.id} tab="results" />);
    await screen.findByTestId('box-opening');

    // The third member's card, typed in lower case with spaces instead of dashes.
    typeShare(codes[2]!.toLowerCase().replace(/-/g, ' '));
    await screen.findByText('Đã nhận mảnh khóa của Trịnh Bảo Châu.');
    expect(screen.getByTestId('box-count').textContent).toBe('Đã xuất trình 1/2 mảnh khóa — cần thêm 1');
    const rows = screen.getByTestId('box-holders').querySelectorAll('li');
    expect([...rows].map((r) => r.dataset.presented)).toEqual(['false', 'false', 'true']);
    expect((document.querySelector('input[name=share]') as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('results-panel')).toBeNull();
    await expect(call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).rejects.toThrow(/409 box-locked/);

    // The same card twice is refused.
    typeShare(codes[2]!);
    await waitFor(() => expect(screen.getByRole('alert').dataset.code).toBe('box-share-again'));
    expect(screen.getByTestId('box-count').textContent).toBe('Đã xuất trình 1/2 mảnh khóa — cần thêm 1');

    typeShare(codes[0]!);
    const opened = await screen.findByTestId('box-opened', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('box-opening')).toBeNull();
    await waitFor(() => expect(within(opened).getByTestId('box-phone-ballots').textContent).toBe('2'));
    expect(within(opened).getByTestId('box-spoilt').textContent).toBe('0');
    const after = await call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(within(opened).getByTestId('box-fingerprint').textContent).toBe(after.box.fingerprint);
    expect(within(opened).getByTestId('receipts-link').textContent).toMatch(new RegExp(`/r/${session.id}$`));
    // Unpublished results stay covered until asked for (the laptop may be mirrored).
    fireEvent.click(await screen.findByRole('button', { name: 'Hiện kết quả' }, { timeout: 10_000 }));
    const table = await screen.findByRole('table');
    expect(table.closest('[data-testid=results-panel]')).not.toBeNull();
    const results = await call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.collected.phone).toBe(2);
    expect(results.persons[0]!.counts).toMatchObject({ high: 1, low: 1 });
  });

  it('forgets the shares presented when asked', async () => {
    const { session, codes } = await closedSealed([]);
    render(<Console id={session.id} tab="results" />);
    await screen.findByTestId('box-opening');
    typeShare(codes[1]!);
    await screen.findByText('Đã nhận mảnh khóa của Ngô Văn Lực.');
    fireEvent.click(screen.getByText('Làm lại từ đầu (quên các mảnh đã xuất trình)'));
    await confirm();
    await waitFor(() => expect(screen.getByTestId('box-count').textContent).toBe('Đã xuất trình 0/2 mảnh khóa — cần thêm 2'));
    expect((await call('GET /api/admin/sessions/:id', { params: { id: session.id } })).boxPresented).toEqual([]);
  });
});

describe('the share scanner', () => {
  it('falls back to typing, with the reason, when there is no camera or it is refused', async () => {
    const problems: string[] = [];
    const media = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    const { unmount } = render(<ShareScanner onCode={() => {}} onProblem={(k) => problems.push(k)} />);
    await waitFor(() => expect(problems).toEqual(['cameraUnavailable']));
    unmount();

    for (const [name, key] of [
      ['NotAllowedError', 'cameraDenied'],
      ['NotFoundError', 'cameraNone'],
      ['NotReadableError', 'cameraFailed'],
    ]) {
      problems.length = 0;
      Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: () => Promise.reject(new DOMException('no', name)) }, configurable: true });
      const { unmount: done } = render(<ShareScanner onCode={() => {}} onProblem={(k) => problems.push(k)} />);
      await waitFor(() => expect(problems).toEqual([key]));
      done();
    }
    if (media) Object.defineProperty(navigator, 'mediaDevices', media);
    else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  });
});
