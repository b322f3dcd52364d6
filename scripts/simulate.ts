/**
 * Run a whole vote through the public API, as a rehearsal or a check:
 *   npm run simulate -- --url http://localhost:8080 --password P --voters 300 [--persons 15] [--preset qd96-2023] [--out DIR]
 * Logs in as the secretariat, creates a session, issues slips, opens, casts N ballots from N
 * concurrent WebSocket clients with random marks (a few left unmarked), closes, fetches the
 * results and checks them against what it sent. The last stdout line is one JSON object;
 * the exit code is 1 on any disagreement.
 */
import { parseArgs } from 'node:util';
import type { Preset } from '../shared/presets';
import { tally, type TallyBallot } from '../shared/tally';
import { AdminClient, sealBallot, slipFromPath, WsClient } from './lib/client';
import { publishAndExport } from './lib/simulate-outputs';

export interface SimulateOptions {
  url: string;
  password: string;
  voters: number;
  persons: number;
  presetId: string;
  /** Derive keys with the phone's pure-JS scrypt instead of node:crypto (slower, more faithful). */
  phoneCrypto?: boolean;
  /** Write minutes.pdf, results.csv, results.json and ballots.json here. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface SimulateSummary {
  voters: number;
  acked: number;
  tallyMatches: boolean;
  sessionId: string;
  presetId: string;
  persons: number;
  collected: number;
  issued: number;
  mismatches: string[];
  castMs: number;
  /** A working display link showing the published results. */
  displayUrl: string;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà', 'Quang Huy', 'Thị Lan', 'Hữu Nghĩa', 'Ngọc Ánh', 'Thanh Sơn', 'Thị Tuyết', 'Việt Hùng', 'Kim Oanh', 'Trọng Phúc'];
const POSITIONS = ['Bí thư Tỉnh ủy', 'Phó Bí thư Thường trực', 'Chủ tịch UBND tỉnh', 'Chủ tịch HĐND tỉnh', 'Trưởng Ban Tổ chức', 'Trưởng Ban Tuyên giáo', 'Chủ nhiệm UBKT', 'Giám đốc Công an tỉnh', 'Chỉ huy trưởng Bộ CHQS'];

export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const log = opts.log ?? (() => {});
  const admin = new AdminClient(opts.url.replace(/\/$/, ''));
  await admin.login(opts.password, 'simulate');
  const { presets } = await admin.call<{ presets: Preset[] }>('GET', '/api/admin/presets');
  const preset = presets.find((p) => p.id === opts.presetId);
  if (!preset) throw new Error(`unknown preset ${opts.presetId}; known: ${presets.map((p) => p.id).join(', ')}`);

  const present = opts.voters;
  const summoned = Math.max(present, Math.ceil(present * 1.1));
  const session = await admin.call('POST', '/api/admin/sessions', {
    title: `Diễn tập lấy phiếu tín nhiệm (${opts.voters} đại biểu)`,
    organisation: 'Đảng bộ tỉnh (mô phỏng)',
    place: 'Hạ Long',
    heldOn: new Date().toISOString().slice(0, 10),
    presetId: preset.id,
    summoned,
    present,
  });
  const { persons } = await admin.call<{ persons: { id: string; fullName: string; position: string }[] }>('PUT', `/api/admin/sessions/${session.id}/persons`, {
    persons: Array.from({ length: opts.persons }, (_, i) => ({
      fullName: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      position: POSITIONS[i % POSITIONS.length]!,
    })),
  });
  const { slips } = await admin.call<{ slips: { path: string }[] }>('POST', `/api/admin/sessions/${session.id}/slips`, { count: opts.voters });
  log(`session ${session.id}: ${persons.length} people, ${slips.length} slips`);
  await admin.call('POST', `/api/admin/sessions/${session.id}/open`, { overrideQuorum: false });

  const sent: TallyBallot[] = [];
  const casts = await Promise.all(
    slips.map(async (s) => {
      const marks: Record<string, string | null> = {};
      for (const p of persons) {
        // About 2% of marks left blank: an invalid mark for that person, still a ballot collected.
        marks[p.id] = Math.random() < 0.02 ? null : preset.levels[Math.floor(Math.random() * preset.levels.length)]!.id;
      }
      sent.push({ source: 'phone', marks });
      return sealBallot(slipFromPath(s.path), { v: 1, sessionId: session.id, marks }, { native: !opts.phoneCrypto });
    }),
  );

  const started = Date.now();
  const phones = await Promise.all(casts.map(() => WsClient.connect(admin.baseUrl)));
  const replies = await Promise.all(
    phones.map((p, i) => p.request({ type: 'cast', slipId: casts[i]!.slipId, nonce: casts[i]!.nonce, sealed: casts[i]!.sealed, auth: casts[i]!.auth }).catch(() => null)),
  );
  const castMs = Date.now() - started;
  phones.forEach((p) => p.close());
  const acked = replies.filter((r) => r?.type === 'recorded').length;
  log(`${acked}/${opts.voters} acknowledged in ${castMs} ms`);

  await admin.call('POST', `/api/admin/sessions/${session.id}/close`);
  const results = await admin.call('GET', `/api/admin/sessions/${session.id}/results`);
  const expected = tally(
    { summoned, present, issued: { phone: opts.voters, paper: 0 }, base: session.base, persons },
    sent,
    preset,
  );
  const mismatches: string[] = [];
  if (acked !== opts.voters) mismatches.push(`acked ${acked} of ${opts.voters}`);
  if (JSON.stringify(results) !== JSON.stringify(expected)) {
    for (const [i, p] of expected.persons.entries()) {
      if (JSON.stringify(results.persons?.[i]) !== JSON.stringify(p)) mismatches.push(`person ${i + 1} differs`);
    }
    if (mismatches.length === 0 || acked !== opts.voters) mismatches.push('totals differ');
  }
  const { displayUrl } = await publishAndExport(admin, session.id, opts.outDir);
  return {
    voters: opts.voters,
    acked,
    tallyMatches: mismatches.length === 0,
    sessionId: session.id,
    presetId: preset.id,
    persons: persons.length,
    collected: results.collected.total,
    issued: results.issued.total,
    mismatches,
    castMs,
    displayUrl,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:8080' },
      password: { type: 'string', default: process.env.ADMIN_PASSWORD },
      voters: { type: 'string', default: '100' },
      persons: { type: 'string', default: '15' },
      preset: { type: 'string', default: 'qd96-2023' },
      'phone-crypto': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (!values.password) throw new Error('--password (or ADMIN_PASSWORD) is required');
  const voters = Number(values.voters);
  const persons = Number(values.persons);
  if (!Number.isInteger(voters) || voters < 1 || voters > 2000) throw new Error('--voters must be 1..2000');
  if (!Number.isInteger(persons) || persons < 1 || persons > 200) throw new Error('--persons must be 1..200');
  const summary = await simulate({
    url: values.url!,
    password: values.password,
    voters,
    persons,
    presetId: values.preset!,
    phoneCrypto: values['phone-crypto'],
    ...(values.out ? { outDir: values.out } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.exitCode = summary.tallyMatches ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: Error) => {
    process.stderr.write(`simulate failed: ${err.message}\n`);
    process.stdout.write(`${JSON.stringify({ error: err.message, tallyMatches: false })}\n`);
    process.exit(1);
  });
}
