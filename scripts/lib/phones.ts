/**
 * Many phones at once, each on its own WebSocket, each doing what the ballot page does:
 * derive the slip's key once, `slip.open`, seal the ballot to the box it was told, then
 * (all together, so the server takes a burst) cast and wait for "recorded".
 */
import type { BallotBox } from '../../shared/box';
import type { TallyBallot } from '../../shared/tally';
import { castMessage, deriveKeyOf, sealBallot, WsClient, type SlipCast, type SlipHandle } from './client';

export type Marks = Record<string, string | null>;

export interface PhonesRun {
  /** Ballots whose cast frame was sent, with the marks sealed in them (what the tally must show). */
  sent: TallyBallot[];
  /** Casts answered "recorded". */
  acked: number;
  /** The tracking code each acknowledged phone shows. */
  receipts: string[];
  /** Lengths in bytes of the cast frames as sent over the sockets, distinct and sorted. */
  castFrameBytes: number[];
  /** Wall time of the burst of casts, from the first frame to the last answer. */
  castMs: number;
  /** Each acknowledged cast's time from frame to answer, sorted. */
  latencies: number[];
  /** Why phones failed, one line each (empty when all were recorded). */
  failures: string[];
}

interface ReadyPhone {
  socket: WsClient;
  cast: SlipCast;
  marks: Marks;
}

/**
 * Run one phone per slip. `choose` picks the marks from the ballot the phone was shown.
 * `native` derives slip keys with node:crypto instead of the phone's pure-JS scrypt.
 */
export async function runPhones(
  url: string,
  slips: SlipHandle[],
  choose: (ballot: BallotBox) => Marks,
  opts: { native: boolean },
): Promise<PhonesRun> {
  const failures: string[] = [];
  const settled = await Promise.all(
    slips.map(async (slip): Promise<ReadyPhone | null> => {
      let socket: WsClient | undefined;
      try {
        socket = await WsClient.connect(url);
        const key = await deriveKeyOf(slip, opts);
        const ballot = await socket.openSlip(slip, { key });
        const marks = choose(ballot);
        return { socket, cast: await sealBallot(slip, ballot, marks, { key }), marks };
      } catch (err) {
        socket?.close();
        failures.push(`${slip.id}: ${(err as Error).message}`);
        return null;
      }
    }),
  );
  const ready = settled.filter((p): p is ReadyPhone => p !== null);

  const latencies: number[] = [];
  const receipts: string[] = [];
  const started = performance.now();
  await Promise.all(
    ready.map(async ({ socket, cast }) => {
      const at = performance.now();
      try {
        const reply = await socket.request(castMessage(cast));
        if (reply.type !== 'recorded') throw new Error(`answered ${JSON.stringify(reply)}`);
        latencies.push(performance.now() - at);
        receipts.push(cast.receipt);
      } catch (err) {
        failures.push(`${cast.slipId}: ${(err as Error).message}`);
      }
    }),
  );
  const castMs = performance.now() - started;
  for (const { socket } of ready) socket.close();

  const castFrameBytes = new Set(ready.flatMap(({ socket }) => socket.sent.filter((f) => f.type === 'cast').map((f) => f.bytes)));
  return {
    sent: ready.map(({ marks }) => ({ source: 'phone', marks })),
    acked: receipts.length,
    receipts,
    castFrameBytes: [...castFrameBytes].sort((a, b) => a - b),
    castMs,
    latencies: latencies.sort((a, b) => a - b),
    failures,
  };
}

/** Random marks as a delegate might give them: a level for each person, about `blankRate` left unmarked. */
export function randomMarks(ballot: BallotBox, blankRate = 0.02): Marks {
  const marks: Marks = {};
  for (const p of ballot.persons) {
    marks[p.id] = Math.random() < blankRate ? null : ballot.levels[Math.floor(Math.random() * ballot.levels.length)]!.id;
  }
  return marks;
}
