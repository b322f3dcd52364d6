/**
 * What a display receives over a real WebSocket: no per-person count before publishing,
 * and with live results only snapshots at least 5 ballots apart (also across a restart), taken
 * off every screen when live results are switched off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WsClient } from '../../scripts/lib/client';
import type { ServerMessage } from '../../shared/protocol';
import { castBallots, isResults, isTurnout, randomMarks, seeded, type Marks } from '../../test/results';
import { buildApp } from '../app';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../../test/server';
import { LIVE_MIN_INTERVAL_MS, liveSettingKey } from './live-results';

/** The gate's clock, moved by hand, and the re-checks it schedules, fired as the clock passes them. */
function manualClock() {
  let t = 1_000_000;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    schedule(fn: () => void, ms: number): () => void {
      const entry = { at: t + ms, fn };
      timers.push(entry);
      return () => (timers = timers.filter((x) => x !== entry));
    },
    /** Move the clock on and fire every re-check now due. */
    advance(ms: number): void {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const d of due) d.fn();
    },
  };
}

let server: TestServer;
let clock: ReturnType<typeof manualClock>;
const sockets: WsClient[] = [];
beforeEach(async () => {
  clock = manualClock();
  server = await startTestServer({ liveResults: { now: clock.now, schedule: clock.schedule } });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server.close();
});

async function display(sessionId: string, displayKey: string): Promise<WsClient> {
  const ws = await WsClient.connect(server.url);
  sockets.push(ws);
  expect(await ws.request({ type: 'subscribe', sessionId, displayKey })).toMatchObject({ type: 'subscribed', sessionId });
  await ws.waitFor(isTurnout);
  return ws;
}

/** Everything the display received, in order (what `waitFor` took out is kept in `seen`). */
function stream(ws: WsClient, seen: ServerMessage[]): ServerMessage[] {
  return [...seen, ...ws.pushed];
}

const isWithdrawn = (m: ServerMessage): m is Extract<ServerMessage, { type: 'results-withdrawn' }> => m.type === 'results-withdrawn';
const hasCounts = (m: ServerMessage) => /"counts"|"percents"/.test(JSON.stringify(m));

async function turnoutReaches(ws: WsClient, collected: number, seen: ServerMessage[]): Promise<void> {
  for (;;) {
    const t = await ws.waitFor(isTurnout);
    seen.push(t);
    if (t.turnout.collected >= collected) return;
  }
}

describe('results reach a display only after publishing', () => {
  it('sends no counts while open or closed, then the results on publish and to later displays', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 3, slips: 6 });
    const ids = persons.map((p) => p.id);
    const screen = await display(session.id, session.displayKey);
    const seen: ServerMessage[] = [];

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const random = seeded(5);
    await castBallots(server.url, session.id, slips, Array.from({ length: 6 }, () => randomMarks(random, ids, ['high', 'medium', 'low'])));
    await turnoutReaches(screen, 6, seen);
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });

    // A display that subscribes after close but before publishing gets turnout only.
    const late = await display(session.id, session.displayKey);
    // A sealed box: nothing to publish until the committee has opened it.
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } })).rejects.toMatchObject({ code: 'box-locked' });
    await server.admin.openBox(session.id, shares.slice(0, 2));
    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    const published = await screen.waitFor(isResults);
    expect(published).toMatchObject({ live: false, sessionId: session.id, results: { collected: { total: 6 } } });
    // Everything else the display received (the results message was taken out) carries no counts.
    const others = stream(screen, seen);
    expect(others.filter(hasCounts)).toEqual([]);
    expect(others.some((m) => isTurnout(m) && m.turnout.state === 'closed' && !m.turnout.published)).toBe(true);
    expect(others.some((m) => isTurnout(m) && m.turnout.published)).toBe(true);
    expect((await late.waitFor(isResults)).live).toBe(false);
    expect(late.pushed.filter(isResults)).toEqual([]);

    const tallied = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(published.results).toEqual(tallied);
    const afterwards = await display(session.id, session.displayKey);
    expect((await afterwards.waitFor(isResults)).results).toEqual(tallied);
  });

  it('refuses a subscription with a wrong display key', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const ws = await WsClient.connect(server.url);
    sockets.push(ws);
    expect(await ws.request({ type: 'subscribe', sessionId: session.id, displayKey: 'wrong-key' })).toMatchObject({ type: 'error', code: 'bad-display-key' });
  });
});

describe('live results', () => {
  it('are refused for a sealed box, whatever the preset: the server cannot read it', async () => {
    const { session } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 1, slips: 1 });
    const path = `/api/admin/sessions/${session.id}/live-results`;
    await expect(server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true, override: true } })).rejects.toMatchObject({ status: 409, code: 'box-live-results' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).liveResults).toBe(false);
  });

  it('are refused for the Party preset unless overridden, and the override is audited', async () => {
    const { session } = await prepareSession(server.admin, { presetId: 'qd96-2023', persons: 1, slips: 1, sealed: false });
    const path = `/api/admin/sessions/${session.id}/live-results`;
    await expect(server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } })).rejects.toMatchObject({ status: 409, code: 'live-results-refused' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).liveResults).toBe(false);
    expect(await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true, override: true } })).toEqual({ liveResults: true, override: true });
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.filter((e: { event: string }) => e.event === 'live-results.changed').map((e: { detail: unknown }) => e.detail)).toEqual([
      { enabled: true, override: true },
    ]);
  });

  it('are allowed without override for a People\'s Council preset', async () => {
    const { session } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 1, slips: 1, sealed: false });
    expect(await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } })).toEqual({ liveResults: true, override: false });
  });

  it('push only after 5 new ballots, never less than 5 apart, and a late display gets the last snapshot', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 2, slips: 12, sealed: false });
    const ids = persons.map((p) => p.id);
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    const screen = await display(session.id, session.displayKey);
    const seen: ServerMessage[] = [];
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const random = seeded(9);
    const ballots: Marks[] = Array.from({ length: 12 }, () => randomMarks(random, ids, ['high', 'medium', 'low']));

    await castBallots(server.url, session.id, slips.slice(0, 4), ballots.slice(0, 4));
    await turnoutReaches(screen, 4, seen);
    await castBallots(server.url, session.id, slips.slice(4, 5), ballots.slice(4, 5));
    const first = await screen.waitFor(isResults);
    seen.push(first);
    expect(first.live).toBe(true);
    expect(first.results.collected.total).toBe(5);

    // Four more: not enough for another push; a display joining now sees the 5-ballot snapshot.
    await castBallots(server.url, session.id, slips.slice(5, 9), ballots.slice(5, 9));
    await turnoutReaches(screen, 9, seen);
    const late = await display(session.id, session.displayKey);
    expect((await late.waitFor(isResults)).results.collected.total).toBe(5);

    await castBallots(server.url, session.id, slips.slice(9, 10), ballots.slice(9, 10));
    await turnoutReaches(screen, 10, seen);
    // Ten ballots, but not yet 5 s after the first push: nothing until the clock passes it.
    expect(screen.pushed.filter(isResults)).toEqual([]);
    clock.advance(LIVE_MIN_INTERVAL_MS);
    const second = await screen.waitFor(isResults);
    seen.push(second);
    expect(second.results.collected.total).toBe(10);

    const pushes = stream(screen, seen).filter(isResults).map((m) => m.results.collected.total);
    expect(pushes).toEqual([5, 10]);
    // Every message with counts was a results message at least 5 ballots after the one before.
    const withCounts = stream(screen, seen).filter(hasCounts);
    expect(withCounts.every(isResults)).toBe(true);
    // Turning live results off: a new display gets no counts.
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: false } });
    const off = await display(session.id, session.displayKey);
    await castBallots(server.url, session.id, slips.slice(10, 12), ballots.slice(10, 12));
    await turnoutReaches(off, 12, []);
    expect(off.pushed.filter(hasCounts)).toEqual([]);
  });
});

describe('live results switched off mid-vote', () => {
  it('withdraw the counts from every display at once; switched on again, the last counts come back', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 2, slips: 6, sealed: false });
    const ids = persons.map((p) => p.id);
    const path = `/api/admin/sessions/${session.id}/live-results`;
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    const screens = [await display(session.id, session.displayKey), await display(session.id, session.displayKey)];
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const random = seeded(3);
    await castBallots(server.url, session.id, slips.slice(0, 5), Array.from({ length: 5 }, () => randomMarks(random, ids, ['high', 'medium', 'low'])));
    for (const screen of screens) expect((await screen.waitFor(isResults)).results.collected.total).toBe(5);

    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: false } });
    for (const screen of screens) expect(await screen.waitFor(isWithdrawn)).toEqual({ type: 'results-withdrawn', sessionId: session.id });

    // On again with no new ballot: the same counts as before, nothing fresher.
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    for (const screen of screens) expect((await screen.waitFor(isResults)).results.collected.total).toBe(5);
  });
});

describe('live results across a server restart', () => {
  /** Stop the app and start a new one on the same SQLite file and port, as after a crash or reboot. */
  async function restart(): Promise<void> {
    const port = Number(new URL(server.url).port);
    for (const s of sockets.splice(0)) s.close();
    await server.app.close();
    server.app = await buildApp({ dbFile: server.dbFile, adminPassword: TEST_PASSWORD, loginDelayMs: 20, liveResults: { now: clock.now, schedule: clock.schedule } });
    await server.app.listen({ port, host: '127.0.0.1' });
    await server.admin.login(TEST_PASSWORD);
  }

  const lastPushed = async (sessionId: string) =>
    (await server.app.db.selectFrom('settings').select('value').where('key', '=', liveSettingKey(sessionId)).executeTakeFirst())?.value;

  it('show nothing fresher until 5 ballots past the count last on screen, kept in the database', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 2, slips: 15, sealed: false });
    const ids = persons.map((p) => p.id);
    const random = seeded(21);
    const ballots: Marks[] = Array.from({ length: 15 }, () => randomMarks(random, ids, ['high', 'medium', 'low']));
    const path = `/api/admin/sessions/${session.id}/live-results`;
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    const first = await display(session.id, session.displayKey);
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, slips.slice(0, 5), ballots.slice(0, 5));
    expect((await first.waitFor(isResults)).results.collected.total).toBe(5);
    await castBallots(server.url, session.id, slips.slice(5, 7), ballots.slice(5, 7));
    await turnoutReaches(first, 7, []);

    // Restarted with 7 collected and 5 last shown: a fresh count now would reveal 2 ballots.
    await restart();
    expect(await lastPushed(session.id)).toBe('5');
    const second = await display(session.id, session.displayKey);
    await castBallots(server.url, session.id, slips.slice(7, 10), ballots.slice(7, 10));
    await turnoutReaches(second, 10, []);
    // The first counts this display ever gets are at 10 ballots, once 5 s have passed since the restart: none were sent at 7.
    expect(second.pushed.filter(isResults)).toEqual([]);
    clock.advance(LIVE_MIN_INTERVAL_MS);
    expect((await second.waitFor(isResults)).results.collected.total).toBe(10);
    expect(await lastPushed(session.id)).toBe('10');

    // Restarted with 5 ballots past the last push (collected while live results were off): a
    // fresh count may be shown, once the spacing has passed.
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: false } });
    await castBallots(server.url, session.id, slips.slice(10, 15), ballots.slice(10, 15));
    await restart();
    const third = await display(session.id, session.displayKey);
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    clock.advance(LIVE_MIN_INTERVAL_MS);
    const fresh = await third.waitFor(isResults);
    expect(fresh.results.collected.total).toBe(15);
    expect(third.pushed.filter(isResults)).toEqual([]);
  });
});
