/** Test helpers for the results tests: cast ballots through the real WebSocket, as phones do. */
import { sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import type { ServerMessage } from '../shared/protocol';

export type Marks = Record<string, string | null>;

/** Cast one ballot per entry of `ballots` on the given slips (in order), each over a phone's socket. */
export async function castBallots(
  url: string,
  _sessionId: string,
  slips: { path: string }[],
  ballots: Marks[],
): Promise<void> {
  if (ballots.length > slips.length) throw new Error('more ballots than slips');
  const phone = await WsClient.connect(url);
  try {
    for (let i = 0; i < ballots.length; i++) {
      const slip = slipFromPath(slips[i]!.path);
      // As the ballot page does: open the slip, seal to the box it names.
      const box = await phone.openSlip(slip, { native: true });
      const cast = await sealBallot(slip, box, ballots[i]!, { native: true });
      const reply = await phone.request({ type: 'cast', slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth });
      if (reply.type !== 'recorded') throw new Error(`cast refused: ${JSON.stringify(reply)}`);
    }
  } finally {
    phone.close();
  }
}

/** A seeded pseudo-random generator (mulberry32), so a failing vote can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random marks for each person: a level id, or (sometimes) null for no valid mark. */
export function randomMarks(random: () => number, personIds: string[], levels: string[], nullRate = 0.1): Marks {
  const marks: Marks = {};
  for (const id of personIds) marks[id] = random() < nullRate ? null : levels[Math.floor(random() * levels.length)]!;
  return marks;
}

export const isResults = (m: ServerMessage): m is Extract<ServerMessage, { type: 'results' }> => m.type === 'results';
export const isTurnout = (m: ServerMessage): m is Extract<ServerMessage, { type: 'turnout' }> => m.type === 'turnout';
