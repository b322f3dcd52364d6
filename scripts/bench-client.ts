/**
 * The bench's phones and secretariat, in their own process (scripts/bench.ts starts it):
 *   bench-client.ts '{"mode":"app","url":…,"password":…,"voters":…,"persons":…,"overMs":…}'
 *   bench-client.ts '{"mode":"echo","url":…,"voters":…}'
 * `app` runs a sealed vote against the real server: issue, seal, open; N phones open their
 * slips and cast in one burst; close, open the box, results; then a fresh vote whose phones
 * arrive at a steady rate. `echo` sends the same clients' frames, of the same size, to a bare
 * `ws` echo server. Reports JSON lines on stdout, the last one `{"event":"result",…}`.
 */
import { randomBytes } from 'node:crypto';
import { boxKeyPair, toBase64Url, type BallotBox } from '../shared/box';
import { randomSymbols, SLIP_ID_LENGTH } from '../shared/slip-code';
import { AdminClient, castMessage, deriveKeyOf, sealBallot, slipFromPath, WsClient, type SlipHandle } from './lib/client';
import {
  armCast,
  burst,
  castFigures,
  frameSizes,
  HANDSHAKES_IN_FLIGHT,
  openPhone,
  pool,
  REPLY_TIMEOUT_MS,
  steady,
  type AppResult,
  type EchoResult,
} from './lib/bench-phones';

interface AppConfig {
  mode: 'app';
  url: string;
  password: string;
  voters: number;
  persons: number;
  overMs: number;
}
interface EchoConfig {
  mode: 'echo';
  url: string;
  voters: number;
}

/** The slips route issues at most 2,000 a request (MAX_SLIPS_PER_REQUEST). */
const SLIPS_PER_REQUEST = 2000;
const COMMITTEE = ['Thành viên 1', 'Thành viên 2', 'Thành viên 3'];

function report(event: string, fields: object = {}): void {
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

/** A pause for scripts/bench.ts to read the server's /proc after a report. */
const settle = () => new Promise((r) => setTimeout(r, 300));

/** A sealed vote ready to open: people, N slips (timed), the box sealed to a committee of 3 (2 open it). */
async function sealedVote(admin: AdminClient, title: string, voters: number, persons: number) {
  const session = await admin.call('POST /api/admin/sessions', {
    body: { title, organisation: 'Bench', place: 'Hà Nội', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: voters, present: voters },
  });
  await admin.call('PUT /api/admin/sessions/:id/persons', {
    params: { id: session.id },
    body: { persons: Array.from({ length: persons }, (_, i) => ({ fullName: `Người ${i + 1}`, position: 'Ủy viên' })) },
  });
  const slips: SlipHandle[] = [];
  const t = performance.now();
  for (let done = 0; done < voters; done += SLIPS_PER_REQUEST) {
    const count = Math.min(SLIPS_PER_REQUEST, voters - done);
    const issued = await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count } });
    slips.push(...issued.slips.map((s) => slipFromPath(s.path)));
  }
  const issueMs = performance.now() - t;
  const shares = await admin.sealBox(session.id, { committee: COMMITTEE, threshold: 2 });
  await admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  return { sessionId: session.id, slips, shares, issueMs };
}

/** The phone's own scrypt, done before the phones arrive: in a hall each phone spends its own CPU on it. */
function deriveKeys(slips: readonly SlipHandle[]): Promise<Uint8Array[]> {
  return pool(slips.length, 8, (i) => deriveKeyOf(slips[i]!, { native: true }));
}

async function runApp(config: AppConfig): Promise<void> {
  const admin = new AdminClient(config.url);
  await admin.login(config.password);

  // The burst: every phone has opened its slip and sealed its ballot; all cast at once.
  const vote = await sealedVote(admin, 'Bench: burst', config.voters, config.persons);
  report('issued', { slips: vote.slips.length, ms: vote.issueMs });
  let t = performance.now();
  const keys = await deriveKeys(vote.slips);
  const phones = await pool(vote.slips.length, HANDSHAKES_IN_FLIGHT, (i) => openPhone(config.url, vote.slips[i]!, keys[i]!));
  report('ready', { phones: phones.length, ms: performance.now() - t });
  // The bench reads the server's memory and CPU on each report: let it, before the next step moves them.
  await settle();
  const run = await burst(phones.map(armCast));
  const castFrameBytes = frameSizes(phones.map((p) => p.socket), 'cast');
  report('burst', { ...castFigures(run), castFrameBytes });
  await settle();
  for (const p of phones) p.socket.close();

  // Close → results, as the secretariat sees it: close voting, two members open the box, the results.
  t = performance.now();
  await admin.call('POST /api/admin/sessions/:id/close', { params: { id: vote.sessionId } });
  const opened = await admin.openBox(vote.sessionId, vote.shares.slice(0, 2));
  if (!opened.opened) throw new Error('the box did not open with 2 of 3 shares');
  const results = await admin.call('GET /api/admin/sessions/:id/results', { params: { id: vote.sessionId } });
  const closeToResultsMs = performance.now() - t;
  report('results', { ms: closeToResultsMs, collected: results.collected.total });

  // The hall: a fresh vote; phones (keys derived on the phone beforehand) arrive one after
  // another, each connecting, opening its slip, sealing and casting.
  const hall = await sealedVote(admin, 'Bench: steady', config.voters, config.persons);
  report('issued', { slips: hall.slips.length, ms: hall.issueMs });
  const hallKeys = await deriveKeys(hall.slips);
  const sockets: WsClient[] = [];
  report('steady-start', { overMs: config.overMs });
  const arrivals = await steady(hall.slips.length, config.overMs, async (i) => {
    const phone = await openPhone(config.url, hall.slips[i]!, hallKeys[i]!);
    sockets.push(phone.socket);
    const armed = armCast(phone);
    const at = performance.now();
    const reply = await phone.socket.request(armed.message, REPLY_TIMEOUT_MS);
    if (!armed.ok(reply)) throw new Error(`answered ${JSON.stringify(reply).slice(0, 200)}`);
    return performance.now() - at;
  });
  report('steady', castFigures(arrivals));
  for (const s of sockets) s.close();

  const result: AppResult = {
    voters: config.voters,
    slipsPerSec: ((vote.slips.length + hall.slips.length) / (vote.issueMs + hall.issueMs)) * 1000,
    burst: castFigures(run),
    castFrameBytes,
    closeToResultsMs,
    resultsCollected: results.collected.total,
    steady: castFigures(arrivals),
  };
  report('result', result);
}

async function runEcho(config: EchoConfig): Promise<void> {
  // A cast of the real shape and length (the same code seals it), to a box of its own.
  const box: BallotBox = { id: 'echo', box: toBase64Url(boxKeyPair().publicKey), persons: [], levels: [] };
  const t = performance.now();
  const phones = await pool(config.voters, HANDSHAKES_IN_FLIGHT, async () => {
    const socket = await WsClient.connect(config.url);
    const cast = await sealBallot({ id: randomSymbols(SLIP_ID_LENGTH), secret: '' }, box, {}, { key: new Uint8Array(randomBytes(32)) });
    const message = castMessage(cast) as Record<string, unknown>;
    // One round trip first, as each app phone's `slip.open`: both servers meet the burst warmed.
    await socket.request(message, REPLY_TIMEOUT_MS);
    return { socket, message, ok: (reply: { type: string }) => reply.type === 'cast' };
  });
  report('ready', { phones: phones.length, ms: performance.now() - t });
  const run = await burst(phones);
  const frameBytes = frameSizes(phones.map((p) => p.socket), 'cast');
  for (const p of phones) p.socket.close();
  const result: EchoResult = { voters: config.voters, burst: castFigures(run), frameBytes };
  report('result', result);
}

const config = JSON.parse(process.argv[2] ?? '{}') as AppConfig | EchoConfig;
(config.mode === 'app' ? runApp(config) : runEcho(config)).then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`bench client failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
