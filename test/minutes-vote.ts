/**
 * A closed vote for the minutes tests, through the real app: people rated (the first gets
 * only "low" marks, so a threshold is crossed), a committee, phone ballots cast over real
 * WebSockets, two paper ballots, the box sealed to the committee and opened after close.
 */
import type { TallyResult } from '../shared/tally';
import { insertBallot } from '../server/domain/ballots';
import { castBallots, randomMarks, seeded, type Marks } from './results';
import { closeAndOpenBox, prepareSession, type TestServer } from './server';

export const MINUTES_NAMES = [
  'Nguyễn Thị Hồng Nhung',
  'Trần Văn Đức',
  'Lê Quốc Việt',
  'Phạm Thị Ánh Tuyết',
  'Hoàng Minh Khôi',
  'Đặng Thu Hường',
  'Vũ Đình Thắng',
  'Bùi Thị Kim Ngân',
];

/** Up to seven members; the first is Trưởng ban. Roles as a committee might type them. */
export const MINUTES_COMMITTEE = [
  { fullName: 'Đỗ Thị Thanh Hương', role: 'head' },
  { fullName: 'Ngô Văn Lực', role: 'member' },
  { fullName: 'Trịnh Bảo Châu', role: 'Ủy viên' },
  { fullName: 'Công Tằng Tôn Nữ Thị Hoàng Quỳnh', role: 'member' },
  { fullName: 'Lê Minh Tâm', role: 'Thư ký' },
  { fullName: 'Phan Thị Ngọc Ánh', role: 'member' },
  { fullName: 'Vương Đình Huệ', role: 'member' },
];

export interface ClosedVoteOptions {
  people: number;
  phoneBallots: number;
  sealed?: boolean;
  /** Members of MINUTES_COMMITTEE, from the first: 3 unless said. */
  committee?: number;
  /** Session fields to set before opening (locality, place, organisation). */
  details?: Record<string, string>;
}

export async function closedMinutesVote(server: TestServer, opts: ClosedVoteOptions) {
  const { people, phoneBallots } = opts;
  const sealed = opts.sealed !== false;
  const { session, slips } = await prepareSession(server.admin, { persons: people, slips: phoneBallots + 2, sealed });
  if (opts.details) await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: opts.details });
  const { persons } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
    persons: Array.from({ length: people }, (_, i) => ({
      fullName: MINUTES_NAMES[i % MINUTES_NAMES.length]! + (i >= MINUTES_NAMES.length ? ` ${i + 1}` : ''),
      position: i === 0 ? 'Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh' : 'Ủy viên Ban Thường vụ Tỉnh ủy',
    })),
  } });
  const ids = (persons as { id: string }[]).map((p) => p.id);
  const db = server.app.db;
  await db.updateTable('vote_sessions').set({ paper_issued: 3 }).where('id', '=', session.id).execute();
  await server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: MINUTES_COMMITTEE.slice(0, opts.committee ?? 3) } });
  // Sealed again to this committee: the shares go to the members the minutes name.
  const shares = sealed ? await server.admin.sealBox(session.id, { threshold: 2 }) : [];
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  const random = seeded(42);
  const ballots: Marks[] = Array.from({ length: phoneBallots }, () => ({ ...randomMarks(random, ids, ['high', 'medium', 'low']), [ids[0]!]: 'low' }));
  await castBallots(server.url, session.id, slips, ballots);
  // Two paper ballots, as the committee keys them in.
  await db.transaction().execute(async (trx) => {
    await insertBallot(trx, session.id, 'paper', Object.fromEntries(ids.map((id) => [id, 'high'])));
    await insertBallot(trx, session.id, 'paper', Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 'low' : null])));
  });
  await closeAndOpenBox(server.admin, session.id, shares);
  const results = (await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })) as TallyResult;
  return { session, results };
}

/** An admin download from the running server, checked for its type and that it is never cached. */
export async function adminDownload(server: TestServer, path: string, type: string): Promise<{ bytes: Uint8Array; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: server.admin.cookieHeader } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  if (res.headers.get('content-type') !== type) throw new Error(`${path}: content-type ${res.headers.get('content-type')}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}
