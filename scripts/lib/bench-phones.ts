/**
 * Phones for the bench: opened a bounded number at a time (thousands of handshakes at once
 * trip the kernel's SYN-flood protection), then cast all at once (a burst) or one after
 * another at a steady rate (a hall), timing each cast from its frame to its answer.
 */
import type { BallotBox } from '../../shared/box';
import type { ServerMessage } from '../../shared/protocol';
import { slipProof } from '../../shared/seal';
import { castMessage, sealBallot, WsClient, type SlipCast, type SlipHandle } from './client';
import { monotonicUs, percentile } from './bench-process';
import { randomMarks } from './phones';

/** At most this many WebSocket handshakes in flight. */
export const HANDSHAKES_IN_FLIGHT = 200;
/** How long a phone waits for an answer before the bench counts it failed. */
export const REPLY_TIMEOUT_MS = 300_000;

/** `task(0)` … `task(n - 1)`, at most `limit` running at once; results in order. */
export async function pool<T>(n: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return out;
}

/** A socket with the frame it will send, and how to tell its answer is the one hoped for. */
export interface ArmedPhone {
  socket: WsClient;
  message: Record<string, unknown>;
  ok(reply: ServerMessage): boolean;
}

export interface CastRun {
  /** Answers that were `ok`. */
  acked: number;
  failures: string[];
  /** Each `ok` answer's time from its frame to its answer, ascending, in ms. */
  latencies: number[];
  /** From the first frame to the last answer. */
  wallMs: number;
  /** The same window on CLOCK_MONOTONIC (µs), to cut a server's CPU profile to it. */
  startUs: number;
  endUs: number;
}

/** What a run of casts says, without its raw lists: what the client reports to scripts/bench.ts. */
export function castFigures(run: CastRun) {
  return {
    acked: run.acked,
    failures: run.failures.length,
    firstFailures: run.failures.slice(0, 3),
    wallMs: run.wallMs,
    perSec: (run.acked / run.wallMs) * 1000,
    p50Ms: percentile(run.latencies, 50),
    p99Ms: percentile(run.latencies, 99),
    maxMs: run.latencies.at(-1) ?? NaN,
    startUs: run.startUs,
    endUs: run.endUs,
  };
}
export type CastFigures = ReturnType<typeof castFigures>;

/** The client's last report in `echo` mode. */
export interface EchoResult {
  voters: number;
  burst: CastFigures;
  frameBytes: number[];
}

/** The client's last report in `app` mode. */
export interface AppResult {
  voters: number;
  /** Over both votes' slips. */
  slipsPerSec: number;
  burst: CastFigures;
  castFrameBytes: number[];
  closeToResultsMs: number;
  /** Ballots the results counted. */
  resultsCollected: number;
  steady: CastFigures;
}

async function timed(phone: ArmedPhone): Promise<number> {
  const at = performance.now();
  const reply = await phone.socket.request(phone.message, REPLY_TIMEOUT_MS);
  if (!phone.ok(reply)) throw new Error(`answered ${JSON.stringify(reply).slice(0, 200)}`);
  return performance.now() - at;
}

function collect(outcomes: PromiseSettledResult<number>[], started: number, startUs: number): CastRun {
  const latencies: number[] = [];
  const failures: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'fulfilled') latencies.push(o.value);
    else failures.push((o.reason as Error).message);
  }
  return { acked: latencies.length, failures, latencies: latencies.sort((a, b) => a - b), wallMs: performance.now() - started, startUs, endUs: monotonicUs() };
}

/** Every phone sends its frame in the same turn of the event loop. */
export async function burst(phones: readonly ArmedPhone[]): Promise<CastRun> {
  const startUs = monotonicUs();
  const started = performance.now();
  return collect(await Promise.allSettled(phones.map(timed)), started, startUs);
}

/**
 * `n` arrivals evenly spread over `overMs`; `arrive(i)` does what phone i does when it
 * arrives and resolves with the time of its cast alone.
 */
export async function steady(n: number, overMs: number, arrive: (i: number) => Promise<number>): Promise<CastRun> {
  const interval = overMs / n;
  const startUs = monotonicUs();
  const started = performance.now();
  const running: Promise<number>[] = [];
  while (running.length < n) {
    const due = started + running.length * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (running.length < n && started + running.length * interval <= performance.now()) running.push(arrive(running.length));
  }
  return collect(await Promise.allSettled(running), started, startUs);
}

/** What a delegate's phone holds once its page has opened: a socket, and its ballot sealed to the box. */
export interface OpenedPhone {
  socket: WsClient;
  cast: SlipCast;
}

/** As the ballot page: connect, open the slip with its (already derived) key, seal random marks to the box it was told. */
export async function openPhone(url: string, slip: SlipHandle, key: Uint8Array): Promise<OpenedPhone> {
  const socket = await WsClient.connect(url);
  try {
    const reply = await socket.request({ type: 'slip.open', slipId: slip.id, proof: slipProof(key) }, REPLY_TIMEOUT_MS);
    if (reply.type !== 'slip') throw new Error(`slip.open answered ${JSON.stringify(reply)}`);
    const ballot: BallotBox = reply.session;
    return { socket, cast: await sealBallot(slip, ballot, randomMarks(ballot), { key }) };
  } catch (err) {
    socket.close();
    throw err;
  }
}

/** A phone's cast, armed: the answer hoped for is a first "recorded". */
export function armCast(phone: OpenedPhone): ArmedPhone {
  return {
    socket: phone.socket,
    message: castMessage(phone.cast),
    ok: (reply) => reply.type === 'recorded' && !reply.already,
  };
}

/** Lengths in bytes of the frames of one type the phones sent, distinct and ascending. */
export function frameSizes(sockets: readonly WsClient[], type: string): number[] {
  return [...new Set(sockets.flatMap((s) => s.sent.filter((f) => f.type === type).map((f) => f.bytes)))].sort((a, b) => a - b);
}
