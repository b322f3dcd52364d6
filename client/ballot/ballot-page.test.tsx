// @vitest-environment happy-dom
/**
 * Every screen of the delegate's page, rendered with the real controller. The server is a
 * scripted link here (the real-server tests are controller.test.ts and e2e/ballot.e2e.test.ts),
 * so each state — including a network that drops and comes back — can be set up exactly.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boxKeyPair, fromBase64Url, openFromBox, receiptOfSealedText, SEALED_TEXT_LENGTH, toBase64Url } from '../../shared/box';
import type { BallotSessionView, ClientMessage, ServerMessage } from '../../shared/protocol';
import { NetworkError, type Link, type SocketEvents } from '../socket';
import { App } from './app';
import { BallotController } from './controller';
import { loadSlip, memoryStorage, type KeyValue } from './slip-store';

/** A real box key pair, so the page seals for real and the test can open what it sent. */
const BOX = boxKeyPair();

const SESSION: BallotSessionView = {
  id: 'session-0001',
  title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
  organisation: 'Đảng bộ tỉnh Quảng Ninh',
  rule: { vi: 'Lấy phiếu tín nhiệm theo Quy định 96-QĐ/TW', en: 'Confidence vote under Regulation 96-QĐ/TW' },
  kind: 'lay-phieu',
  address: 'dong-chi',
  state: 'open',
  box: toBase64Url(BOX.publicKey),
  levels: [
    { id: 'high', label: { vi: 'Tín nhiệm cao', en: 'High confidence' } },
    { id: 'medium', label: { vi: 'Tín nhiệm', en: 'Confidence' } },
    { id: 'low', label: { vi: 'Tín nhiệm thấp', en: 'Low confidence' } },
  ],
  persons: [
    { id: 'p1', fullName: 'Nguyễn Văn An', position: 'Bí thư Tỉnh ủy' },
    { id: 'p2', fullName: 'Trần Thị Bình', position: 'Phó Bí thư Thường trực' },
    { id: 'p3', fullName: 'Lê Quang Cường', position: 'Chủ tịch Ủy ban nhân dân tỉnh' },
  ],
};

type Reply = ServerMessage | Promise<ServerMessage>;

/** A link whose server is a function; it can go offline and come back. */
class ScriptedLink implements Link {
  pushing = true;
  online = true;
  readonly sent: ClientMessage[] = [];
  private waiters: (() => void)[] = [];
  constructor(
    readonly events: SocketEvents,
    private readonly server: (msg: ClientMessage) => Reply,
  ) {}
  start() {
    this.events.status.value = 'open';
    this.events.onOpen?.();
  }
  close() {}
  async request(msg: ClientMessage): Promise<ServerMessage> {
    this.sent.push(msg);
    if (!this.online) throw new NetworkError();
    return this.server(msg);
  }
  ready(): Promise<void> {
    return this.online ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
  goOffline() {
    this.online = false;
    this.pushing = false;
    this.events.status.value = 'offline';
  }
  goOnline() {
    this.online = true;
    this.pushing = true;
    this.events.status.value = 'open';
    for (const w of this.waiters.splice(0)) w();
    this.events.onOpen?.();
  }
}

/** As the server answers: the box's key only once voting is open. */
const slipReply = (state: BallotSessionView['state'], slipState: 'unused' | 'used' = 'unused', address: BallotSessionView['address'] = 'dong-chi'): ServerMessage => ({
  type: 'slip',
  slipId: 'AB12',
  state: slipState,
  session: { ...SESSION, address, state, box: state === 'draft' ? null : SESSION.box },
});

const controllers: BallotController[] = [];
afterEach(() => {
  cleanup();
  for (const c of controllers.splice(0)) c.dispose();
});

function renderSlip(server: (msg: ClientMessage) => Reply, storage: KeyValue = memoryStorage()) {
  let link!: ScriptedLink;
  const controller = new BallotController({
    slipId: 'AB12',
    secret: 'CDEFGH3',
    storage,
    pollMs: 60_000,
    retryMs: 1,
    deriveKey: async () => new Uint8Array(32).fill(7),
    link: (events) => (link = new ScriptedLink(events, server)),
  });
  controllers.push(controller);
  const view = render(<App route={{ kind: 'slip', slipId: 'AB12', controller }} storage={storage} navigate={() => {}} />);
  void controller.start();
  return { view, controller, storage, link: () => link };
}

/** Replies to slip.open with `open`, and to cast with `cast`. */
const server =
  (open: ServerMessage, cast: (msg: ClientMessage) => Reply = () => ({ type: 'recorded', slipId: 'AB12', already: false })) =>
  (msg: ClientMessage): Reply =>
    msg.type === 'slip.open' ? open : cast(msg);

const group = (name: string) => screen.getByRole('group', { name: new RegExp(name) });

describe('the ballot page, screen by screen', () => {
  it('opening: a calm "Đang mở phiếu…" while the key is derived and the slip is asked for', async () => {
    renderSlip(() => new Promise<ServerMessage>(() => {}));
    expect(await screen.findByRole('heading', { name: 'Đang mở phiếu…' })).toBeTruthy();
  });

  it('waiting: says voting has not started, then turns into the ballot by itself', async () => {
    // The scripted server answers as the real one does: draft until it opens.
    let state: BallotSessionView['state'] = 'draft';
    const { link } = renderSlip((msg) => (msg.type === 'slip.open' ? slipReply(state) : { type: 'error', code: 'internal' }));
    expect(await screen.findByText('Chưa bắt đầu bỏ phiếu')).toBeTruthy();
    expect(screen.getByRole('heading', { name: SESSION.title })).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    state = 'open';
    link().events.onPush!({ type: 'state', sessionId: SESSION.id, state: 'open' });
    expect(await screen.findByText('Đã đánh giá 0/3')).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(9);
    // It asked again for the final list of people when voting opened.
    expect(link().sent.map((m) => m.type)).toEqual(['slip.open', 'slip.open']);
  });

  it('ballot: each person is a named radio group; a choice is counted, kept on the phone only, and can be cleared', async () => {
    const { storage, link } = renderSlip(server(slipReply('open')));
    await screen.findByText('Đã đánh giá 0/3');
    expect(screen.getByText(SESSION.rule.vi)).toBeTruthy();
    expect(screen.getByText(SESSION.organisation)).toBeTruthy();
    const first = group('Nguyễn Văn An');
    expect(within(first).getByText('Bí thư Tỉnh ủy')).toBeTruthy();
    fireEvent.click(within(first).getByRole('radio', { name: 'Tín nhiệm thấp' }));
    expect(await screen.findByText('Đã đánh giá 1/3')).toBeTruthy();
    expect((within(first).getByRole('radio', { name: 'Tín nhiệm thấp' }) as HTMLInputElement).checked).toBe(true);
    expect(loadSlip(storage, 'AB12').marks).toEqual({ p1: 'low' });
    // Nothing about the choice went to the server.
    expect(link().sent.map((m) => m.type)).toEqual(['slip.open']);
    fireEvent.click(within(first).getByRole('button', { name: 'Bỏ chọn cho Nguyễn Văn An' }));
    expect(await screen.findByText('Đã đánh giá 0/3')).toBeTruthy();
    expect(loadSlip(storage, 'AB12').marks).toEqual({});
  });

  it('review with an unmarked person: says the ballot is invalid for them; back keeps the choices', async () => {
    renderSlip(server(slipReply('open')));
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(within(group('Nguyễn Văn An')).getByRole('radio', { name: 'Tín nhiệm cao' }));
    fireEvent.click(within(group('Trần Thị Bình')).getByRole('radio', { name: 'Tín nhiệm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    expect(await screen.findByRole('heading', { name: 'Xem lại phiếu' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Còn 1 người chưa được đánh giá. Phiếu sẽ không hợp lệ đối với người này.');
    const rows = screen.getAllByRole('listitem');
    expect(rows[0]!.textContent).toContain('Tín nhiệm cao');
    expect(rows[1]!.textContent).toContain('Tín nhiệm');
    expect(rows[2]!.textContent).toContain('Chưa đánh giá — Phiếu không hợp lệ đối với người này.');
    expect(screen.getByRole('button', { name: 'Vẫn gửi phiếu' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại sửa' }));
    expect(await screen.findByText('Đã đánh giá 2/3')).toBeTruthy();
  });

  it('submitting, then recorded: the choices leave the screen and the phone', async () => {
    let ack!: (m: ServerMessage) => void;
    const { storage, link } = renderSlip(server(slipReply('open'), () => new Promise((r) => (ack = r))));
    await screen.findByText('Đã đánh giá 0/3');
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Quang Cường']) {
      fireEvent.click(within(group(name)).getByRole('radio', { name: 'Tín nhiệm cao' }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Gửi phiếu' }));
    expect(await screen.findByRole('heading', { name: 'Đang gửi phiếu…' })).toBeTruthy();
    expect(loadSlip(storage, 'AB12').pending).toBeDefined();
    ack({ type: 'recorded', slipId: 'AB12', already: false });
    expect(await screen.findByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Tín nhiệm cao');
    const cast = link().sent.find((m) => m.type === 'cast');
    expect(cast).toMatchObject({ slipId: 'AB12' });
    const sealed = cast?.type === 'cast' ? cast.sealed : '';
    expect(sealed).toHaveLength(SEALED_TEXT_LENGTH);
    // The tracking code of what was sent, shown and kept; nothing else stays on the phone.
    const receipt = receiptOfSealedText(sealed);
    expect(screen.getByTestId('receipt').textContent).toBe(receipt);
    expect(screen.getByText('Mã kiểm tra phiếu')).toBeTruthy();
    expect(loadSlip(storage, 'AB12')).toEqual({ used: true, receipt });
    // What was sealed is the ballot as marked, in printed order, one byte a person.
    const plain = openFromBox(SESSION.id, BOX.secretKey, fromBase64Url(sealed))!;
    expect([...plain.subarray(0, 6)]).toEqual([1, 0, 3, 1, 1, 1]);
  });

  it('recorded, then reloaded: "recorded" again with the same tracking code, from the phone alone, never the choices', async () => {
    const storage = memoryStorage();
    const first = renderSlip(server(slipReply('open')), storage);
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(within(group('Trần Thị Bình')).getByRole('radio', { name: 'Tín nhiệm thấp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vẫn gửi phiếu' }));
    const receipt = (await screen.findByTestId('receipt')).textContent!;
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    cleanup();
    first.controller.dispose();

    // The reloaded page (no fragment) finds "used" and the code in storage and asks nothing.
    let asked = 0;
    const again = new BallotController({
      slipId: 'AB12',
      secret: null,
      storage,
      deriveKey: async () => new Uint8Array(32).fill(7),
      link: (events) => new ScriptedLink(events, () => (asked++, slipReply('open', 'used'))),
    });
    controllers.push(again);
    render(<App route={{ kind: 'slip', slipId: 'AB12', controller: again }} storage={storage} navigate={() => {}} />);
    void again.start();
    expect(await screen.findByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' })).toBeTruthy();
    expect(screen.getByTestId('receipt').textContent).toBe(receipt);
    expect(document.body.textContent).not.toContain('đã được sử dụng');
    expect(document.body.textContent).not.toContain('Trần Thị Bình');
    expect(document.body.textContent).not.toContain('Tín nhiệm thấp');
    expect(asked).toBe(0);
    expect(loadSlip(storage, 'AB12')).toEqual({ used: true, receipt });
  });

  it('used: a slip spent elsewhere says so, that a vote from another phone counted, and nothing else (no tracking code)', async () => {
    renderSlip(server(slipReply('open', 'used')));
    expect(await screen.findByRole('heading', { name: 'Phiếu này đã được sử dụng' })).toBeTruthy();
    expect(screen.getByText(/Nếu đồng chí đã bỏ phiếu này trên điện thoại hoặc trình duyệt khác, phiếu đã được ghi nhận\. Nếu chưa, xin liên hệ Ban kiểm phiếu\./)).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByTestId('receipt')).toBeNull();
  });

  it('a vote for "đại biểu": every screen says "đại biểu", after a reload too, and English says "you"', async () => {
    const storage = memoryStorage();
    const first = renderSlip(server(slipReply('open', 'unused', 'dai-bieu')), storage);
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vẫn gửi phiếu' }));
    expect(await screen.findByRole('heading', { name: 'Phiếu của đại biểu đã được ghi nhận' })).toBeTruthy();
    expect(document.body.textContent).toContain('Đại biểu có thể đóng trang này.');
    expect(document.body.textContent).toContain('đại biểu có thể đối chiếu');
    expect(document.body.textContent).not.toMatch(/đồng chí/i);
    cleanup();
    first.controller.dispose();

    const again = new BallotController({ slipId: 'AB12', secret: null, storage, link: (events) => new ScriptedLink(events, server(slipReply('open'))) });
    controllers.push(again);
    render(<App route={{ kind: 'slip', slipId: 'AB12', controller: again }} storage={storage} navigate={() => {}} />);
    void again.start();
    expect(await screen.findByRole('heading', { name: 'Phiếu của đại biểu đã được ghi nhận' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Your ballot has been recorded' })).toBeTruthy();
  });

  it('"đại biểu" while the server is out of storage: the notice says "đại biểu" too', async () => {
    let ack!: (m: ServerMessage) => void;
    let calls = 0;
    renderSlip(server(slipReply('open', 'unused', 'dai-bieu'), () => (calls++ === 0 ? { type: 'error', code: 'storage-full' } : new Promise((r) => (ack = r)))));
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vẫn gửi phiếu' }));
    expect(await screen.findByText(/^Phiếu của đại biểu chưa được ghi: máy chủ tạm thời hết chỗ lưu/)).toBeTruthy();
    // The same cast goes again by itself; this time the server records it.
    await waitFor(() => expect(calls).toBe(2));
    ack({ type: 'recorded', slipId: 'AB12', already: false });
    expect(await screen.findByRole('heading', { name: 'Phiếu của đại biểu đã được ghi nhận' })).toBeTruthy();
  });

  it('void: the slip was voided, with what to do', async () => {
    renderSlip(server({ type: 'error', code: 'slip-void' }));
    expect(await screen.findByText('Phiếu này đã bị hủy. Xin liên hệ Ban kiểm phiếu để nhận phiếu khác.')).toBeTruthy();
  });

  it('unknown slip: a wrong code says so and offers to type the code', async () => {
    renderSlip(server({ type: 'error', code: 'slip-unknown' }));
    expect(await screen.findByText(/Mã phiếu không đúng/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nhập mã phiếu' }).getAttribute('href')).toBe('/');
  });

  it('closed: voting ended while the delegate was filling in', async () => {
    const { link, storage } = renderSlip(server(slipReply('open')));
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(within(group('Nguyễn Văn An')).getByRole('radio', { name: 'Tín nhiệm cao' }));
    link().events.onPush!({ type: 'state', sessionId: SESSION.id, state: 'closed' });
    expect(await screen.findByRole('heading', { name: 'Cuộc lấy phiếu đã kết thúc' })).toBeTruthy();
    expect(loadSlip(storage, 'AB12').marks).toBeUndefined();
  });

  it('outdated: a page older than the server asks to be reloaded, in the vote\'s words, and keeps the choices', async () => {
    const { link, storage } = renderSlip(server(slipReply('open', 'unused', 'dai-bieu')));
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(within(group('Nguyễn Văn An')).getByRole('radio', { name: 'Tín nhiệm cao' }));
    link().events.onEnd!('outdated');
    expect(await screen.findByText('Trang này đã cũ. Xin đại biểu tải lại trang (giữ nguyên đường dẫn).')).toBeTruthy();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(loadSlip(storage, 'AB12').marks).toEqual({ p1: 'high' });
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(reload).toHaveBeenCalledTimes(1);
    reload.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('This page is out of date. Please reload it (keep the same link).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offline, then recovered: a quiet notice, the same sealed ballot resent, recorded once', async () => {
    const { link } = renderSlip(server(slipReply('open')));
    await screen.findByText('Đã đánh giá 0/3');
    link().goOffline();
    expect(await screen.findByText('Mất kết nối mạng. Đang thử kết nối lại…')).toBeTruthy();
    // The delegate carries on: choosing and reviewing need no network.
    fireEvent.click(within(group('Nguyễn Văn An')).getByRole('radio', { name: 'Tín nhiệm' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vẫn gửi phiếu' }));
    expect(await screen.findByText(/Phiếu sẽ được gửi lại tự động/)).toBeTruthy();
    link().goOnline();
    expect(await screen.findByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' })).toBeTruthy();
    const casts = link().sent.filter((m) => m.type === 'cast');
    expect(casts.length).toBe(2);
    expect(casts[1]).toEqual(casts[0]);
    expect(screen.queryByText('Mất kết nối mạng. Đang thử kết nối lại…')).toBeNull();
  });

  it('English on the toggle, remembered on the phone', async () => {
    const storage = memoryStorage();
    renderSlip(server(slipReply('open')), storage);
    await screen.findByText('Đã đánh giá 0/3');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Rated 0 of 3')).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: 'High confidence' })).toHaveLength(3);
    expect(document.documentElement.lang).toBe('en');
    expect(storage.getItem('tinnhiem.lang')).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(await screen.findByText('Đã đánh giá 0/3')).toBeTruthy();
  });
});

describe('the typed-code entry at /', () => {
  it('refuses a malformed code with a clear message, and opens a good one typed any way', async () => {
    const navigate = vi.fn();
    render(<App route={{ kind: 'entry' }} storage={memoryStorage()} navigate={navigate} />);
    const field = screen.getByLabelText('Mã phiếu');
    fireEvent.input(field, { target: { value: 'AB12-CDE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở phiếu' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mã phiếu gồm 11 ký tự');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(navigate).not.toHaveBeenCalled();
    // Lower case, a space instead of the dash, O for 0 and l for 1.
    fireEvent.input(field, { target: { value: 'ab12 cdefghO' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở phiếu' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('/b/AB12#CDEFGH0'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a link that is not a slip, or lost its secret, explains itself', async () => {
    render(<App route={{ kind: 'bad-link', code: 'slip-unknown' }} storage={memoryStorage()} navigate={() => {}} />);
    expect(screen.getByText(/Mã phiếu không đúng/)).toBeTruthy();
  });
});
