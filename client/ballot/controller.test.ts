/**
 * The ballot page's state machine and network link against the REAL server: a SQLite file
 * in a temp dir, real WebSockets (the `ws` package stands in for the browser's), real HTTP.
 * The drops are made on the client's socket, as a flaky Wi-Fi would make them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { slipFromPath, type SlipHandle } from '../../scripts/lib/client';
import { receiptOfSealedText } from '../../shared/box';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { closeAndOpenBox, prepareSession, startTestServer, type TestServer } from '../../test/server';
import { createSocket, type SocketOptions } from '../socket';
import { BallotController, type BallotState, type ControllerOptions } from './controller';
import { loadSlip, memoryStorage, type KeyValue } from './slip-store';

let server: TestServer;
const controllers: BallotController[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of controllers.splice(0)) c.dispose();
  await server.close();
});

type SocketClass = NonNullable<SocketOptions['WebSocket']>;

/** Every frame the page sent, parsed, in order, and as it went on the wire. */
const sent: Record<string, unknown>[] = [];
const frames: string[] = [];

/** The `ws` WebSocket, recording what it sends; `hook` may drop the connection around a send. */
function socketClass(hook?: (msg: Record<string, unknown>, socket: WebSocket) => 'send' | 'send-then-drop' | 'drop'): SocketClass {
  return class extends WebSocket {
    override send(data: string): void {
      const msg = JSON.parse(data) as Record<string, unknown>;
      const action = hook?.(msg, this) ?? 'send';
      if (action !== 'drop') {
        sent.push(msg);
        frames.push(data);
        super.send(data);
      }
      // close() flushes the frame first: the server gets the message, the reply is lost.
      if (action !== 'send') this.close();
    }
  } as unknown as SocketClass;
}

/** The `ws` WebSocket meeting a server one protocol version newer than this page: the real server's pongs say so. */
const NewerServerSocket = class extends WebSocket {
  constructor(url: string) {
    super(url);
    const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
    Object.defineProperty(this, 'onmessage', {
      set: (fn: ((ev: { data: unknown }) => void) | null) =>
        handler.set!.call(this, fn && ((ev: { data: unknown }) => fn({ data: String(ev.data).replace(`"version":${PROTOCOL_VERSION}`, `"version":${PROTOCOL_VERSION + 1}`) }))),
    });
  }
  override send(data: string): void {
    sent.push(JSON.parse(data) as Record<string, unknown>);
    super.send(data);
  }
} as unknown as SocketClass;

/** A socket a proxy refuses: it never opens. */
const BlockedSocket = class {
  readyState = 3;
  onopen = null;
  onmessage = null;
  onerror = null;
  onclose: ((ev: unknown) => void) | null = null;
  constructor() {
    setTimeout(() => this.onclose?.({}), 1);
  }
  send(): void {
    throw new Error('closed');
  }
  close(): void {}
} as unknown as SocketClass;

function controller(slip: SlipHandle | { id: string; secret: string | null }, storage: KeyValue, socket: SocketClass, extra: Partial<ControllerOptions> = {}) {
  const c = new BallotController({
    slipId: slip.id,
    secret: slip.secret,
    storage,
    pollMs: 50,
    retryMs: 20,
    link: (events) => createSocket({ origin: server.url, WebSocket: socket, backoffMs: [20, 40, 80], httpAfter: 2, ...events }),
    ...extra,
  });
  controllers.push(c);
  return c;
}

function until(c: BallotController, match: (s: BallotState) => boolean, what: string): Promise<BallotState> {
  return new Promise((resolve, reject) => {
    if (match(c.state)) return resolve(c.state);
    const timer = setTimeout(() => reject(new Error(`never reached: ${what}; at ${c.state.phase}`)), 15_000);
    const off = c.subscribe((s) => {
      if (match(s)) {
        clearTimeout(timer);
        off();
        resolve(s);
      }
    });
  });
}
const phase = (c: BallotController, p: BallotState['phase']) => until(c, (s) => s.phase === p, p);

/** A session sealed to the test committee (2 of 3); `results` closes it and opens the box first. */
async function setup(persons = 3) {
  const prepared = await prepareSession(server.admin, { persons, slips: 3 });
  const id = prepared.session.id;
  const open = () => server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
  const close = () => server.admin.call('POST /api/admin/sessions/:id/close', { params: { id } });
  const results = async () => {
    await closeAndOpenBox(server.admin, id, prepared.shares);
    return server.admin.call('GET /api/admin/sessions/:id/results', { params: { id } });
  };
  return { ...prepared, slip: slipFromPath(prepared.slips[0]!.path), open, close, results };
}

function fillAndSubmit(c: BallotController, marks: Record<string, string>) {
  for (const [person, level] of Object.entries(marks)) c.mark(person, level);
  c.review();
  c.submit();
}

describe('ballot controller against a real server', () => {
  beforeEach(() => {
    sent.splice(0);
    frames.splice(0);
  });

  it('waits, opens by itself when voting opens, records once and keeps nothing but "used" and the tracking code', async () => {
    const { slip, persons, open, results } = await setup(2);
    const storage = memoryStorage();
    const c = controller(slip, storage, socketClass());
    await c.start();
    await phase(c, 'waiting');
    await open();
    await phase(c, 'ballot');
    c.mark(persons[0]!.id, 'low');
    expect(loadSlip(storage, slip.id).marks).toEqual({ [persons[0]!.id]: 'low' });
    c.review();
    expect(c.state.phase).toBe('review');
    c.submit();
    expect(c.state.phase).toBe('submitting');
    const recorded = await phase(c, 'recorded');
    expect(c.state.marks).toEqual({});
    expect(loadSlip(storage, slip.id)).toEqual({ used: true, receipt: recorded.receipt });
    // Nothing was sent before Submit but the version check and the slip opening (again when
    // voting opened, for the final list of people); then exactly one cast.
    expect(sent.map((m) => m.type)).toEqual(['ping', 'slip.open', 'slip.open', 'cast']);
    const r = await results();
    expect(r.collected.total).toBe(1);
    expect(r.persons[0]!.counts.low).toBe(1);
    expect(r.persons[1]!.invalid).toBe(1);
  });

  it('a phone that waited through a draft gets the final list of people when voting opens', async () => {
    const { session, slip, persons, open, results } = await setup(2);
    const c = controller(slip, memoryStorage(), socketClass());
    await c.start();
    await phase(c, 'waiting');
    expect(c.state.session!.persons.map((p) => p.id)).toEqual(persons.map((p) => p.id));
    // The secretariat renames the first, removes the second and adds a third before opening.
    const { persons: final } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
      persons: [
        { id: persons[0]!.id, fullName: 'Trần Thị Mới', position: 'Bí thư' },
        { fullName: 'Lê Văn Thêm', position: 'Ủy viên' },
      ],
    } });
    await open();
    const ready = await until(c, (s) => s.phase === 'ballot' && s.session!.persons.some((p) => p.fullName === 'Lê Văn Thêm'), 'final list');
    expect(ready.session!.persons.map((p) => p.fullName)).toEqual(['Trần Thị Mới', 'Lê Văn Thêm']);
    fillAndSubmit(c, { [final[0]!.id]: 'high', [final[1]!.id]: 'low' });
    await phase(c, 'recorded');
    const r = await results();
    expect(r.persons.map((p: { counts: Record<string, number> }) => p.counts)).toEqual([
      { high: 1, medium: 0, low: 0 },
      { high: 0, medium: 0, low: 1 },
    ]);
  });

  it('resends the same sealed ballot after the connection drops with the reply in flight: one ballot', async () => {
    const { slip, persons, open, results } = await setup(2);
    await open();
    let drops = 0;
    const c = controller(slip, memoryStorage(), socketClass((m) => (m.type === 'cast' && drops++ === 0 ? 'send-then-drop' : 'send')));
    await c.start();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [persons[0]!.id]: 'high', [persons[1]!.id]: 'medium' });
    await phase(c, 'recorded');
    const casts = sent.filter((m) => m.type === 'cast');
    expect(casts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(casts.map((m) => `${String(m.nonce)}|${String(m.sealed)}|${String(m.auth)}`)).size).toBe(1);
    const r = await results();
    expect(r.collected.total).toBe(1);
    expect(r.persons[0]!.counts.high).toBe(1);
    expect(r.persons[1]!.counts.medium).toBe(1);
  });

  it('resends after a drop before the cast left the phone', async () => {
    const { slip, persons, open, results } = await setup(1);
    await open();
    let drops = 0;
    const c = controller(slip, memoryStorage(), socketClass((m) => (m.type === 'cast' && drops++ < 2 ? 'drop' : 'send')));
    await c.start();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [persons[0]!.id]: 'low' });
    await phase(c, 'recorded');
    expect(drops).toBeGreaterThanOrEqual(3);
    expect((await results()).collected.total).toBe(1);
  });

  it('after a reload mid-submit, a new page resends the stored seal with the same nonce', async () => {
    const { slip, persons, open, results } = await setup(1);
    await open();
    const storage = memoryStorage();
    const first = controller(slip, storage, socketClass((m) => (m.type === 'cast' ? 'drop' : 'send')));
    await first.start();
    await phase(first, 'ballot');
    fillAndSubmit(first, { [persons[0]!.id]: 'medium' });
    const stored = loadSlip(storage, slip.id).pending!;
    expect(stored.nonce).toMatch(/^[A-Za-z0-9_-]+$/);
    first.dispose();

    // The reloaded page has no fragment: the secret and the seal come from storage.
    const second = controller({ id: slip.id, secret: null }, storage, socketClass());
    await second.start();
    await phase(second, 'recorded');
    const casts = sent.filter((m) => m.type === 'cast');
    expect(casts.at(-1)).toMatchObject({ nonce: stored.nonce, sealed: stored.sealed, auth: stored.auth });
    expect(loadSlip(storage, slip.id)).toEqual({ used: true, receipt: stored.receipt });
    expect(second.state.receipt).toBe(receiptOfSealedText(stored.sealed));
    expect((await results()).collected.total).toBe(1);
  });

  it('falls back to HTTP when the WebSocket is blocked: polls, opens, records', async () => {
    const { slip, persons, open, results } = await setup(1);
    const c = controller(slip, memoryStorage(), BlockedSocket);
    await c.start();
    await phase(c, 'waiting');
    await open();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [persons[0]!.id]: 'high' });
    await phase(c, 'recorded');
    expect((await results()).persons[0]!.counts.high).toBe(1);
  });

  it('a second phone with the same slip is told it was used, never what was chosen', async () => {
    const { slip, persons, open } = await setup(1);
    await open();
    const c = controller(slip, memoryStorage(), socketClass());
    await c.start();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [persons[0]!.id]: 'low' });
    await phase(c, 'recorded');
    const other = controller(slip, memoryStorage(), socketClass());
    await other.start();
    const s = await phase(other, 'used');
    expect(s.marks).toEqual({});
    expect(JSON.stringify(s)).not.toContain('low');
  });

  it('closing the vote while a delegate fills in ends the ballot and erases the choices', async () => {
    const { slip, persons, open, close } = await setup(2);
    await open();
    const storage = memoryStorage();
    const c = controller(slip, storage, socketClass());
    await c.start();
    await phase(c, 'ballot');
    c.mark(persons[0]!.id, 'high');
    await close();
    await phase(c, 'closed');
    expect(loadSlip(storage, slip.id).marks).toBeUndefined();
  });

  it('a page older than the server (its pong names another version) asks for a reload: nothing sent but the ping, the choices and the seal kept', async () => {
    const { session, slip, persons, open } = await setup(1);
    await open();
    const storage = memoryStorage();
    // Marked and sent while the reply was lost; then the server was upgraded.
    const first = controller(slip, storage, socketClass((m) => (m.type === 'cast' ? 'drop' : 'send')));
    await first.start();
    await phase(first, 'ballot');
    fillAndSubmit(first, { [persons[0]!.id]: 'high' });
    first.dispose();
    const before = loadSlip(storage, slip.id);
    expect(before.pending).toBeDefined();
    sent.splice(0);

    const stale = controller({ id: slip.id, secret: null }, storage, NewerServerSocket);
    await stale.start();
    expect(await phase(stale, 'error')).toMatchObject({ error: 'protocol-outdated', link: 'closed' });
    expect(sent.map((m) => m.type)).toEqual(['ping']);
    expect(loadSlip(storage, slip.id)).toEqual(before);
    expect((await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).collected).toBe(0);
  });

  it('a wrong secret, a voided slip and a link without a secret each end in their error', async () => {
    const { slip, slips, session } = await setup(1);
    const wrong = controller({ id: slip.id, secret: slip.secret.replace(/.$/, (ch) => (ch === '2' ? '3' : '2')) }, memoryStorage(), socketClass());
    await wrong.start();
    expect((await phase(wrong, 'error')).error).toBe('slip-unknown');

    const voided = slipFromPath(slips[1]!.path);
    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: slips[1]!.code } });
    const v = controller(voided, memoryStorage(), socketClass());
    await v.start();
    expect((await phase(v, 'error')).error).toBe('slip-void');

    const none = controller({ id: slip.id, secret: null }, memoryStorage(), socketClass());
    await none.start();
    expect(none.state).toMatchObject({ phase: 'error', error: 'slip-secret-missing' });
  });
});

describe('the tracking code (mã kiểm tra) and the sealed cast', () => {
  beforeEach(() => {
    sent.splice(0);
    frames.splice(0);
  });

  it('shows the code of the very bytes it sent, keeps only that after "recorded", and the opened box lists it', async () => {
    const { session, slip, persons, open, results } = await setup(2);
    await open();
    const storage = memoryStorage();
    const c = controller(slip, storage, socketClass());
    await c.start();
    await phase(c, 'ballot');
    c.mark(persons[0]!.id, 'high');
    c.review();
    c.submit();
    // While it is being sent, the phone holds the sealed ballot (for a resend after a reload), never the box's secret.
    expect(Object.keys(loadSlip(storage, slip.id)).sort()).toEqual(['marks', 'pending', 'secret']);
    const recorded = await phase(c, 'recorded');
    const cast = sent.find((m) => m.type === 'cast')!;
    expect(recorded.receipt).toBe(receiptOfSealedText(String(cast.sealed)));
    expect(recorded.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // After "recorded": no marks, no secret, no sealed bytes, no nonce — in the record or anywhere in storage.
    const record = loadSlip(storage, slip.id);
    expect(record).toEqual({ used: true, receipt: recorded.receipt });
    const raw = storage.getItem(`tinnhiem.slip.${slip.id}`)!;
    for (const secretThing of [slip.secret, String(cast.sealed).slice(0, 40), String(cast.nonce), String(cast.auth), 'high', 'marks', 'pending', 'secret']) {
      expect(raw, secretThing).not.toContain(secretThing);
    }

    await results();
    const list = await (await fetch(`${server.url}/api/receipts/${session.id}`)).json();
    expect(list.codes).toEqual([recorded.receipt]);
  });

  it('a reload after "recorded" says again that it was recorded, with the same code, without asking the server', async () => {
    const { slip, persons, open } = await setup(1);
    await open();
    const storage = memoryStorage();
    const c = controller(slip, storage, socketClass());
    await c.start();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [persons[0]!.id]: 'low' });
    const { receipt } = await phase(c, 'recorded');
    c.dispose();
    const before = sent.length;

    const reloaded = controller({ id: slip.id, secret: null }, storage, socketClass());
    await reloaded.start();
    // This phone's own cast is the one recorded: "recorded" and its code, never "used", never the marks.
    expect(reloaded.state).toEqual({ phase: 'recorded', receipt, marks: {}, link: 'connecting' });
    expect(sent.length).toBe(before);
    // Scanning the slip again (the secret back in the fragment) changes nothing either.
    const rescanned = controller(slip, storage, socketClass());
    await rescanned.start();
    expect(rescanned.state).toMatchObject({ phase: 'recorded', receipt });
    expect(loadSlip(storage, slip.id)).toEqual({ used: true, receipt });

    // Another phone opening the same slip asks the server, and is told it was used: no code.
    const other = controller(slip, memoryStorage(), socketClass());
    await other.start();
    const used = await phase(other, 'used');
    expect(used.receipt).toBeUndefined();
    expect(used.marks).toEqual({});
  });

  it('a vote whose preset says "đại biểu": the phone knows it, keeps it with the slip, and shows it again after a reload', async () => {
    const prepared = await prepareSession(server.admin, { persons: 1, slips: 2, presetId: 'nq96-2023-lay-phieu' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: prepared.session.id }, body: {} });
    const slip = slipFromPath(prepared.slips[0]!.path);
    const storage = memoryStorage();
    const c = controller(slip, storage, socketClass());
    await c.start();
    expect((await phase(c, 'ballot')).address).toBe('dai-bieu');
    expect(c.state.session!.address).toBe('dai-bieu');
    fillAndSubmit(c, { [prepared.persons[0]!.id]: 'high' });
    const { receipt } = await phase(c, 'recorded');
    expect(loadSlip(storage, slip.id)).toEqual({ used: true, receipt, address: 'dai-bieu' });
    c.dispose();
    const reloaded = controller({ id: slip.id, secret: null }, storage, socketClass());
    await reloaded.start();
    expect(reloaded.state).toMatchObject({ phase: 'recorded', receipt, address: 'dai-bieu' });
    // Another phone learns the address from the server with "used".
    const other = controller(slip, memoryStorage(), socketClass());
    await other.start();
    expect(await phase(other, 'used')).toMatchObject({ address: 'dai-bieu' });
    expect(other.state.receipt).toBeUndefined();
  });

  it('every cast frame has the same length whatever was marked: nothing, one person, everyone', async () => {
    const { slips, persons, open, results } = await setup(3);
    await open();
    const choices: Record<string, string>[] = [{}, { [persons[1]!.id]: 'medium' }, Object.fromEntries(persons.map((p) => [p.id, 'high']))];
    const receipts: string[] = [];
    for (let i = 0; i < choices.length; i++) {
      const c = controller(slipFromPath(slips[i]!.path), memoryStorage(), socketClass());
      await c.start();
      await phase(c, 'ballot');
      fillAndSubmit(c, choices[i]!);
      receipts.push((await phase(c, 'recorded')).receipt!);
    }
    const castFrames = frames.filter((f) => (JSON.parse(f) as { type: string }).type === 'cast');
    expect(castFrames).toHaveLength(3);
    expect(new Set(castFrames.map((f) => f.length)).size).toBe(1);
    expect(new Set(receipts).size).toBe(3);
    const r = await results();
    expect(r.collected.total).toBe(3);
    expect(r.persons.map((p: { counts: Record<string, number>; invalid: number }) => [p.counts.high, p.counts.medium, p.invalid])).toEqual([
      [1, 0, 2],
      [1, 1, 1],
      [1, 0, 2],
    ]);
  });

  it('an unsealed session takes the same sealed cast and shows a code too', async () => {
    const prepared = await prepareSession(server.admin, { persons: 1, slips: 1, sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: prepared.session.id }, body: {} });
    const c = controller(slipFromPath(prepared.slips[0]!.path), memoryStorage(), socketClass());
    await c.start();
    await phase(c, 'ballot');
    fillAndSubmit(c, { [prepared.persons[0]!.id]: 'high' });
    const { receipt } = await phase(c, 'recorded');
    expect(receipt).toBe(receiptOfSealedText(String(sent.find((m) => m.type === 'cast')!.sealed)));
  });
});
