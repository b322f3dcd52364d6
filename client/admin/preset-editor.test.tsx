// @vitest-environment happy-dom
/**
 * The rules panel and its editor against a real test server (real SQLite file), as
 * client/admin/console.test.tsx runs console screens.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import { ConfirmHost } from './confirm';
import { PresetPanel } from './preset-panel';
import { lang } from './state';
import { call, useConsoleTestServer } from '../../test/console-server';
import type { SessionDetail } from './types';
import { useLoad } from './ui';

useConsoleTestServer(async ({ password }) => void (await call('POST /api/admin/login', { body: { password, operator: 'Thư ký' } })));
afterEach(() => {
  cleanup();
  lang.value = 'vi';
});

async function draftSession(): Promise<string> {
  const { id } = await call('POST /api/admin/sessions', { body: {
    title: 'Điều chỉnh quy định',
    organisation: 'Đảng ủy xã',
    place: '',
    heldOn: '2026-11-27',
    presetId: 'qd96-2023',
    summoned: 30,
    present: 30,
  } });
  await call('PUT /api/admin/sessions/:id/persons', { params: { id }, body: { persons: [{ fullName: 'Người Một', position: 'Bí thư' }] } });
  await call('POST /api/admin/sessions/:id/slips', { params: { id }, body: { count: 2 } });
  return id;
}

/** The Details tab's panel, reloading the session from the server as the console does. */
function Harness({ id }: { id: string }) {
  const { data, reload } = useLoad('GET /api/admin/sessions/:id', { params: { id } });
  return (
    <>
      {data && <PresetPanel session={data} reload={reload} />}
      <ConfirmHost />
    </>
  );
}

const summary = () => screen.getByTestId('preset-summary').textContent;
const input = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const saveButton = () => screen.getByText('Lưu quy định đã điều chỉnh') as HTMLButtonElement;

describe('preset panel and editor', () => {
  it('edits "từ 2/3 trở lên" into "trên 2/3", refuses num > den before sending, saves after confirming, then resets', async () => {
    const id = await draftSession();
    render(<Harness id={id} />);
    await screen.findByText('Tín nhiệm thấp ≥ 2/3');
    expect(document.querySelector('.preset-panel .tag')).toBeNull();

    fireEvent.click(screen.getByText('Điều chỉnh'));
    await screen.findByTestId('preset-editor');
    fireEvent.change(input('threshold-1-op-0'), { target: { value: '>' } });
    fireEvent.input(input('threshold-1-label'), { target: { value: 'Trên 2/3 tín nhiệm thấp' } });
    await waitFor(() => expect(summary()).toContain('Tín nhiệm thấp > 1/2 và < 2/3; Tín nhiệm thấp > 2/3'));

    fireEvent.input(input('threshold-0-0-num'), { target: { value: '3' } });
    await screen.findByText('Tỉ lệ phải là phân số có tử và mẫu là số nguyên dương đến 1000, tử không lớn hơn mẫu.');
    expect(saveButton().disabled).toBe(true);
    fireEvent.input(input('threshold-0-0-num'), { target: { value: '1' } });
    await waitFor(() => expect(saveButton().disabled).toBe(false));

    fireEvent.click(saveButton());
    await screen.findByText(/Kết quả sẽ được tính theo: Tín nhiệm thấp > 1\/2 và < 2\/3; Tín nhiệm thấp > 2\/3\./);
    expect((await call('GET /api/admin/sessions/:id', { params: { id } })).customised).toBe(false);
    fireEvent.click(screen.getByText('Xác nhận'));
    await screen.findByText('Đã lưu quy định đã điều chỉnh.');
    expect(screen.getByText('(đã điều chỉnh)')).toBeTruthy();
    expect(screen.getByText('Tín nhiệm thấp > 2/3')).toBeTruthy();
    const saved = await call('GET /api/admin/sessions/:id', { params: { id } });
    expect(saved.customised).toBe(true);
    expect(saved.preset.thresholds[1]).toMatchObject({
      bounds: [{ op: '>', num: 2, den: 3 }],
      // An edited Vietnamese text replaces the English one, which would say "2/3 or more".
      label: { vi: 'Trên 2/3 tín nhiệm thấp', en: 'Trên 2/3 tín nhiệm thấp' },
    });

    fireEvent.click(screen.getByText('Khôi phục mặc định'));
    fireEvent.click(await screen.findByText('Xác nhận'));
    await screen.findByText('Đã khôi phục quy định mặc định.');
    await screen.findByText('Tín nhiệm thấp ≥ 2/3');
    const reset = await call('GET /api/admin/sessions/:id', { params: { id } });
    expect(reset.customised).toBe(false);
    expect(reset.preset).toEqual(findPreset('qd96-2023'));
  });

  it('adds a threshold (its label required), changes quorum and base, and names the level by its edited label', async () => {
    const id = await draftSession();
    render(<Harness id={id} />);
    fireEvent.click(await screen.findByText('Điều chỉnh'));
    await screen.findByTestId('preset-editor');
    fireEvent.input(input('level-high-vi'), { target: { value: 'Rất tín nhiệm' } });
    fireEvent.click(screen.getByText('+ Thêm ngưỡng'));
    await screen.findByText('Ngưỡng 3');
    fireEvent.change(input('threshold-2-level'), { target: { value: 'high' } });
    fireEvent.change(input('threshold-2-op-0'), { target: { value: '<' } });
    fireEvent.input(input('threshold-2-0-num'), { target: { value: '1' } });
    fireEvent.input(input('threshold-2-0-den'), { target: { value: '4' } });
    await screen.findByText('Tên mức tín nhiệm hoặc nhãn ngưỡng không được để trống.');
    expect(saveButton().disabled).toBe(true);
    fireEvent.input(input('threshold-2-label'), { target: { value: 'Dưới 1/4 rất tín nhiệm' } });
    fireEvent.input(input('quorum-num'), { target: { value: '1' } });
    fireEvent.input(input('quorum-den'), { target: { value: '2' } });
    fireEvent.change(input('base'), { target: { value: 'valid' } });
    await waitFor(() => expect(summary()).toContain('; Rất tín nhiệm < 1/4'));
    fireEvent.click(saveButton());
    fireEvent.click(await screen.findByText('Xác nhận'));
    await screen.findByText('Đã lưu quy định đã điều chỉnh.');
    expect(screen.getByText('Từ 1/2 số người được triệu tập có mặt')).toBeTruthy();
    expect(screen.getByText('số phiếu hợp lệ')).toBeTruthy();
    const saved = await call('GET /api/admin/sessions/:id', { params: { id } });
    expect(saved).toMatchObject({ base: 'valid', customised: true, quorumMet: true });
    expect(saved.preset.quorum).toEqual({ num: 1, den: 2 });
    expect(saved.preset.baseOptions).toEqual(['collected', 'valid']);
    expect(saved.preset.thresholds[2]).toMatchObject({ id: 'custom-1', level: 'high', bounds: [{ op: '<', num: 1, den: 4 }] });
  });

  it('shows how phones address voters and lets a Party vote say "đại biểu" instead', async () => {
    const id = await draftSession();
    render(<Harness id={id} />);
    expect((await screen.findByTestId('preset-address')).textContent).toBe('đồng chí (Đảng, quân đội)');
    fireEvent.click(screen.getByText('Điều chỉnh'));
    await screen.findByTestId('preset-editor');
    expect(input('address').value).toBe('dong-chi');
    fireEvent.change(input('address'), { target: { value: 'dai-bieu' } });
    fireEvent.click(saveButton());
    fireEvent.click(await screen.findByText('Xác nhận'));
    await screen.findByText('Đã lưu quy định đã điều chỉnh.');
    expect(screen.getByTestId('preset-address').textContent).toBe('đại biểu (Quốc hội, Hội đồng nhân dân)');
    expect(await call('GET /api/admin/sessions/:id', { params: { id } })).toMatchObject({ customised: true, preset: { address: 'dai-bieu' } });
  });

  it('shows the server’s message when the vote was opened meanwhile, and offers no editing once open', async () => {
    const id = await draftSession();
    const { unmount } = render(<Harness id={id} />);
    fireEvent.click(await screen.findByText('Điều chỉnh'));
    await screen.findByTestId('preset-editor');
    fireEvent.change(input('threshold-1-op-0'), { target: { value: '>' } });
    await call('POST /api/admin/sessions/:id/box/mode', { params: { id }, body: { sealed: false } });
    await call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    fireEvent.click(saveButton());
    fireEvent.click(await screen.findByText('Xác nhận'));
    const alert = await screen.findByRole('alert');
    expect(alert.dataset.code).toBe('session-not-draft');
    expect(alert.textContent).toBe('Cuộc lấy phiếu đã mở, không thể sửa.');
    expect((await call('GET /api/admin/sessions/:id', { params: { id } })).customised).toBe(false);
    unmount();

    render(<Harness id={id} />);
    await screen.findByText('Tín nhiệm thấp ≥ 2/3');
    expect(screen.queryByText('Điều chỉnh')).toBeNull();
  });

  it('reads in English on the toggle', async () => {
    const id = await draftSession();
    lang.value = 'en';
    render(<Harness id={id} />);
    await screen.findByText('Low confidence > 1/2 and < 2/3');
    expect(screen.getByText('At least 2/3 of those summoned present')).toBeTruthy();
    fireEvent.click(screen.getByText('Adjust'));
    await screen.findByText('Save the adjusted rules');
    expect(summary()).toBe('Summary: Low confidence > 1/2 and < 2/3; Low confidence ≥ 2/3');
  });
});
