/**
 * Run a whole vote through the public API, as a rehearsal or a check:
 *   npm run simulate -- --url http://localhost:8080 --password P --voters 300 [--persons 15]
 *     [--preset qd96-2023] [--committee 3] [--threshold K] [--shares S] [--unsealed] [--out DIR]
 * Logs in as the secretariat, creates a session, issues slips, enters a tally committee and
 * seals the box to it (k of n; k a majority unless `--threshold`), opens, and lets N
 * concurrent WebSocket phones open their slips and cast ballots sealed to the box they were
 * told, with random marks (a few left unmarked). Then it closes, presents `--shares` shares
 * (k unless told), and checks the results against what was sent, the published tracking
 * codes against the phones', and that every cast frame had the same length. Fewer than k
 * shares leave the box locked: results must be refused, and the run reports `locked`.
 * The last stdout line is one JSON object; the exit code is 1 on any disagreement or a
 * locked box.
 */
import { parseArgs } from 'node:util';
import type { SessionDetail } from '../shared/api-types';
import { boxFingerprint, fromBase64Url } from '../shared/box';
import type { Preset } from '../shared/presets';
import { tally, type TallyResult } from '../shared/tally';
import { AdminClient, ApiError, fetchReceipts, slipFromPath } from './lib/client';
import { randomMarks, runPhones, type PhonesRun } from './lib/phones';
import { displayLink, publishAndExport } from './lib/simulate-outputs';

export interface SimulateOptions {
  url: string;
  password: string;
  voters: number;
  persons: number;
  presetId: string;
  /** Derive keys with the phone's pure-JS scrypt instead of node:crypto (slower, more faithful). */
  phoneCrypto?: boolean;
  /** `false` for an unsealed box (the server reads each cast as it arrives). Sealed by default. */
  sealed?: boolean;
  /** Members of the tally committee, 2 to 30 (default 3). */
  committee?: number;
  /** k: shares that open the box (default a majority, as the server chooses). */
  threshold?: number;
  /** Shares presented after close (default k); fewer than k leave the box locked. */
  shares?: number;
  /** Write minutes.pdf, results.csv, results.json and ballots.json here. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface SimulateSummary {
  voters: number;
  acked: number;
  /** Every check agreed: acknowledgements, the tally, cast sizes and tracking codes (see `mismatches`). */
  tallyMatches: boolean;
  sessionId: string;
  presetId: string;
  persons: number;
  collected: number;
  issued: number;
  mismatches: string[];
  castMs: number;
  /** A working display link; it shows the published results unless the box stayed locked. */
  displayUrl: string;
  sealed: boolean;
  committee: number;
  /** k of a sealed box; null when unsealed. */
  threshold: number | null;
  sharesPresented: number;
  /** The box is sealed and fewer than k shares were presented: nothing was counted. */
  locked: boolean;
  /** How many distinct cast frame lengths crossed the sockets (1: every cast looked alike). */
  castSizes: number;
  /** Those lengths in bytes. */
  castFrameBytes: number[];
  /** How many of the phones' tracking codes the published list holds; null when there is no list. */
  receiptsInList: number | null;
  /** Phone ballots in the opened box, as published; null when there is no list. */
  phoneBallots: number | null;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Minh Đức', 'Thu Hà', 'Quang Huy', 'Thị Lan', 'Hữu Nghĩa', 'Ngọc Ánh', 'Thanh Sơn', 'Thị Tuyết', 'Việt Hùng', 'Kim Oanh', 'Trọng Phúc'];
const POSITIONS = ['Bí thư Tỉnh ủy', 'Phó Bí thư Thường trực', 'Chủ tịch UBND tỉnh', 'Chủ tịch HĐND tỉnh', 'Trưởng Ban Tổ chức', 'Trưởng Ban Tuyên giáo', 'Chủ nhiệm UBKT', 'Giám đốc Công an tỉnh', 'Chỉ huy trưởng Bộ CHQS'];

/** Distinct names for up to 30 committee members, unlike the people rated. */
function committeeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${SURNAMES[(i + 3) % SURNAMES.length]} ${GIVEN[(i * 7 + 4 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`);
}

/** The results against the tally of what was sent; one line per difference. */
function compareResults(results: TallyResult, expected: TallyResult, acked: number, voters: number): string[] {
  const mismatches: string[] = [];
  if (JSON.stringify(results) === JSON.stringify(expected)) return mismatches;
  for (const [i, p] of expected.persons.entries()) {
    if (JSON.stringify(results.persons?.[i]) !== JSON.stringify(p)) mismatches.push(`person ${i + 1} differs`);
  }
  if (mismatches.length === 0 || acked !== voters) mismatches.push('totals differ');
  return mismatches;
}

/** The published tracking codes against the phones': all there, no more, and the fingerprint recomputes. */
async function checkReceipts(admin: AdminClient, sessionId: string, phones: PhonesRun, mismatches: string[]) {
  const file = await fetchReceipts(admin.baseUrl, sessionId);
  if (!file) {
    mismatches.push('no published list of tracking codes');
    return { receiptsInList: 0, phoneBallots: 0 };
  }
  const listed = new Set(file.codes);
  const receiptsInList = phones.receipts.filter((code) => listed.has(code)).length;
  if (receiptsInList !== phones.acked) mismatches.push(`${receiptsInList} of ${phones.acked} tracking codes in the published list`);
  if (file.phoneBallots !== phones.acked) mismatches.push(`the box holds ${file.phoneBallots} phone ballots, ${phones.acked} were acknowledged`);
  if (boxFingerprint(fromBase64Url(file.boxPublicKey), file.codes) !== file.fingerprint) mismatches.push('the box fingerprint does not recompute');
  return { receiptsInList, phoneBallots: file.phoneBallots };
}

export async function simulate(opts: SimulateOptions): Promise<SimulateSummary> {
  const log = opts.log ?? (() => {});
  const sealed = opts.sealed !== false;
  const committeeSize = opts.committee ?? 3;
  const admin = new AdminClient(opts.url.replace(/\/$/, ''));
  await admin.login(opts.password, 'simulate');
  const { presets } = await admin.call('GET /api/admin/presets');
  const preset = presets.find((p) => p.id === opts.presetId);
  if (!preset) throw new Error(`unknown preset ${opts.presetId}; known: ${presets.map((p) => p.id).join(', ')}`);

  const present = opts.voters;
  const summoned = Math.max(present, Math.ceil(present * 1.1));
  const session = await admin.call('POST /api/admin/sessions', { body: {
    title: `Diễn tập lấy phiếu tín nhiệm (${opts.voters} đại biểu)`,
    organisation: 'Đảng bộ tỉnh (mô phỏng)',
    place: 'Hạ Long',
    heldOn: new Date().toISOString().slice(0, 10),
    presetId: preset.id,
    summoned,
    present,
  } });
  const sessionPath = `/api/admin/sessions/${session.id}`;
  const { persons } = await admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
    persons: Array.from({ length: opts.persons }, (_, i) => ({
      fullName: `${SURNAMES[i % SURNAMES.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      position: POSITIONS[i % POSITIONS.length]!,
    })),
  } });
  const { slips } = await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: opts.voters } });
  log(`session ${session.id}: ${persons.length} people, ${slips.length} slips`);

  // Niêm phong: the box's key split among the committee; simulate plays every member.
  const members = committeeNames(committeeSize);
  let shares: string[] = [];
  let threshold: number | null = null;
  if (sealed) {
    shares = await admin.sealBox(session.id, { committee: members, ...(opts.threshold ? { threshold: opts.threshold } : {}) });
    threshold = (await admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.threshold;
    log(`box sealed: ${threshold} of ${shares.length} committee shares open it`);
  } else {
    await admin.enterCommittee(session.id, members);
    await admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: false } });
    log('box unsealed: the server reads each cast as it arrives');
  }
  await admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: { overrideQuorum: false } });

  const phones = await runPhones(admin.baseUrl, slips.map((s) => slipFromPath(s.path)), (ballot) => randomMarks(ballot), { native: !opts.phoneCrypto });
  const castMs = Math.round(phones.castMs);
  const { acked } = phones;
  log(`${acked}/${opts.voters} acknowledged in ${castMs} ms; cast frames of ${phones.castFrameBytes.join(', ')} bytes`);
  for (const failure of phones.failures.slice(0, 5)) log(`  phone ${failure}`);

  await admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
  const mismatches: string[] = [];
  if (acked !== opts.voters) mismatches.push(`acked ${acked} of ${opts.voters}`);
  if (phones.castFrameBytes.length !== 1) mismatches.push(`cast frames of ${phones.castFrameBytes.length} lengths: ${phones.castFrameBytes.join(', ')}`);

  let sharesPresented = 0;
  let locked = false;
  if (sealed) {
    const wanted = opts.shares ?? threshold!;
    const outcome = await admin.openBox(session.id, shares.slice(0, wanted));
    sharesPresented = outcome.presented.length;
    locked = !outcome.opened;
    log(locked ? `box stays locked: ${sharesPresented} of ${threshold} shares presented` : `box opened with ${sharesPresented} shares`);
  }

  const base = {
    voters: opts.voters,
    acked,
    sessionId: session.id as string,
    presetId: preset.id,
    persons: persons.length,
    castMs,
    sealed,
    committee: committeeSize,
    threshold,
    sharesPresented,
    locked,
    castSizes: phones.castFrameBytes.length,
    castFrameBytes: phones.castFrameBytes,
  };

  if (locked) {
    // Nothing is counted: the results, exports and publishing must all refuse.
    mismatches.push(`box locked: ${sharesPresented} of ${threshold} shares presented`);
    const refused = await admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } }).then(
      () => 'answered',
      (err: unknown) => (err instanceof ApiError ? err.code : String(err)),
    );
    if (refused !== 'box-locked') mismatches.push(`results of a locked box: ${refused}, not box-locked`);
    if (opts.outDir) log('box locked: no exports written');
    const { turnout } = await admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    return {
      ...base,
      tallyMatches: false,
      collected: turnout.collected,
      issued: turnout.issued,
      mismatches,
      displayUrl: await displayLink(admin, session.id),
      receiptsInList: null,
      phoneBallots: null,
    };
  }

  const results = await admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
  const expected = tally({ summoned, present, issued: { phone: opts.voters, paper: 0 }, base: session.base, persons }, phones.sent, preset);
  mismatches.push(...compareResults(results, expected, acked, opts.voters));
  const receipts = sealed ? await checkReceipts(admin, session.id, phones, mismatches) : { receiptsInList: null, phoneBallots: null };
  if (sealed) {
    const { box } = await admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    if (box.spoilt !== 0) mismatches.push(`${box.spoilt} phone ballots did not open`);
  }
  const { displayUrl } = await publishAndExport(admin, session.id, opts.outDir);
  return {
    ...base,
    tallyMatches: mismatches.length === 0,
    collected: results.collected.total,
    issued: results.issued.total,
    mismatches,
    displayUrl,
    ...receipts,
  };
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be ${min}..${max}`);
  return n;
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
      committee: { type: 'string', default: '3' },
      threshold: { type: 'string' },
      shares: { type: 'string' },
      unsealed: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (!values.password) throw new Error('--password (or ADMIN_PASSWORD) is required');
  const voters = integerOption(values.voters, 'voters', 1, 2000)!;
  const persons = integerOption(values.persons, 'persons', 1, 200)!;
  const committee = integerOption(values.committee, 'committee', 2, 30)!;
  const threshold = integerOption(values.threshold, 'threshold', 2, committee);
  const shares = integerOption(values.shares, 'shares', 0, committee);
  if (values.unsealed && (threshold !== undefined || shares !== undefined)) throw new Error('--threshold and --shares need a sealed box (drop --unsealed)');
  const summary = await simulate({
    url: values.url!,
    password: values.password,
    voters,
    persons,
    presetId: values.preset!,
    phoneCrypto: values['phone-crypto'],
    sealed: !values.unsealed,
    committee,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(shares !== undefined ? { shares } : {}),
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
