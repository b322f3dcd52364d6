/**
 * `npm run demo`: a sample vote on a running server, for a newcomer or a rehearsal the day
 * before. Creates the vote from scripts/data/example-persons.csv (through the same import
 * preview and confirm as the console), names a tally committee, seals the phone box to it
 * (2 of 3 shares open it) and prints the three share codes together — a rehearsal shortcut:
 * a real vote shows each share to its member alone, on the console — then issues a handful
 * of slips and prints their URLs and the console and display links. `--unsealed` makes an
 * unsealed box instead (no ceremony; live results allowed).
 *
 *   ADMIN_PASSWORD=... npm start            # in one terminal
 *   ADMIN_PASSWORD=... npm run demo         # in another, on the same laptop (sealing needs it)
 *   npm run demo -- --url http://localhost:8080 --password ... --slips 8 [--unsealed]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AdminClient, ApiError } from './lib/client';

export const EXAMPLE_CSV = fileURLToPath(new URL('./data/example-persons.csv', import.meta.url));

export interface DemoOptions {
  url: string;
  password: string;
  slips: number;
  /** `false` for an unsealed box; sealed (to the sample committee, 2 of 3) by default. */
  sealed?: boolean;
  log?: (line: string) => void;
}

/** A committee member's share of the demo box, as the sealing ceremony hands it out. */
export interface DemoShare {
  fullName: string;
  role: string;
  code: string;
}

export interface DemoResult {
  sessionId: string;
  consoleUrl: string;
  displayUrl: string;
  slipUrls: string[];
  persons: number;
  sealed: boolean;
  /** Shares that open the box (k), or null when unsealed. */
  threshold: number | null;
  /** Every member's share, in the committee's order (empty when unsealed). */
  shares: DemoShare[];
}

const DEMO_COMMITTEE = [
  { fullName: 'Nguyễn Thị Bích', role: 'Trưởng ban' },
  { fullName: 'Trần Văn Nam', role: 'Ủy viên' },
  { fullName: 'Lê Thị Hoa', role: 'Ủy viên' },
];

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const admin = new AdminClient(opts.url.replace(/\/+$/, ''));
  await admin.login(opts.password, 'Diễn tập (demo)');
  const network = await admin.call('GET /api/admin/network');
  // Phones need the LAN address; the laptop itself may use localhost.
  const phoneBase = network.urls[0] ?? admin.baseUrl;

  const session = await admin.call('POST /api/admin/sessions', { body: {
    title: 'Diễn tập — Lấy phiếu tín nhiệm Ban Thường vụ Tỉnh ủy',
    organisation: 'Đảng bộ tỉnh (dữ liệu mẫu)',
    place: 'Hội trường Tỉnh ủy',
    heldOn: new Date().toISOString().slice(0, 10),
    presetId: 'qd96-2023',
    summoned: 20,
    present: 18,
  } });
  const preview = await admin.call('POST /api/admin/sessions/:id/persons/import/preview', { params: { id: session.id }, body: { text: readFileSync(EXAMPLE_CSV, 'utf8') } });
  if (preview.errors.length > 0) throw new Error(`example list has bad rows: ${JSON.stringify(preview.errors)}`);
  const { persons } = await admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: {
    mode: 'replace',
    rows: preview.rows.map((r: { fullName: string; position: string }) => ({ fullName: r.fullName, position: r.position })),
  } });
  await admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: DEMO_COMMITTEE } });
  const sealed = opts.sealed !== false;
  let shares: DemoShare[] = [];
  let threshold: number | null = null;
  if (sealed) {
    // Niêm phong at the default majority; accepted only from the laptop itself.
    const seal = await admin.call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} });
    shares = seal.shares.map(({ fullName, role, code }) => ({ fullName, role, code }));
    threshold = seal.threshold;
  } else {
    await admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: false } });
  }
  const { slips } = await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: opts.slips } });
  const slipUrls = (slips as { code: string; path: string }[]).map((s) => `${phoneBase}${s.path}`);
  const consoleUrl = `${admin.baseUrl}/admin/s/${session.id}/run`;
  const displayUrl = `${phoneBase}/display/${session.id}#${session.displayKey}`;

  log('');
  log(`Đã tạo cuộc lấy phiếu mẫu / sample vote created: ${session.title}`);
  log(`  ${persons.length} người được lấy phiếu tín nhiệm, ${slips.length} phiếu QR / people rated, QR slips`);
  log('');
  if (sealed) logShares(log, shares, threshold!);
  else log('  Hòm phiếu KHÔNG niêm phong: máy chủ đọc được từng phiếu khi đến / UNSEALED box: the server reads each ballot as it arrives.\n');
  log(`  Bàn thư ký / console:        ${consoleUrl}`);
  log(`  Màn hình chiếu / display:    ${displayUrl}`);
  log('');
  log('  Phiếu (mở trên điện thoại; bỏ phiếu được khi đã "Mở bỏ phiếu") / slips (open on a phone; voting starts when opened):');
  (slips as { code: string }[]).forEach((s, i) => log(`    ${s.code}   ${slipUrls[i]}`));
  if (network.urls.length === 0) log('\n  (Chưa có địa chỉ LAN: điện thoại chưa vào được / no LAN address yet: phones cannot connect)');
  log('');
  log('  Tiếp theo / next: mở bàn thư ký → Điều hành → Mở bỏ phiếu; quét một phiếu; Kết thúc bỏ phiếu.');
  if (sealed) log(`  Rồi / then: Kết quả → Mở hòm phiếu điện tử: gõ ${threshold} mảnh khóa ở trên / Results → Open the phone ballot box: type ${threshold} of the shares above.`);
  return { sessionId: session.id, consoleUrl, displayUrl, slipUrls, persons: persons.length, sealed, threshold, shares };
}

/** The demo's shares, each once, with the warning that a real vote never prints them together. */
function logShares(log: (line: string) => void, shares: DemoShare[], threshold: number): void {
  log(`  Hòm phiếu đã niêm phong: cần ${threshold}/${shares.length} mảnh khóa để mở / box sealed: ${threshold} of ${shares.length} shares open it.`);
  log('');
  log('  !! CHỈ ĐỂ DIỄN TẬP: cuộc lấy phiếu thật KHÔNG BAO GIỜ in các mảnh khóa cùng nhau. Bàn thư ký');
  log('     hiện từng mảnh cho riêng từng thành viên Ban kiểm phiếu, đã ngừng chiếu màn hình (Niêm phong hòm phiếu).');
  log('  !! REHEARSAL ONLY: a real vote NEVER prints the shares together. The console shows each share');
  log('     to its member alone, one at a time, with the projector off (Seal the ballot box).');
  log('');
  log('  Mảnh khóa (mỗi mã in một lần) / key shares (each printed once):');
  shares.forEach((s, i) => log(`    ${i + 1}. ${s.fullName} — ${s.role}\n       ${s.code}`));
  log('');
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = argValue(args, 'url') ?? process.env.TINNHIEM_URL ?? `http://localhost:${process.env.PORT ?? 8080}`;
  const password = argValue(args, 'password') ?? process.env.ADMIN_PASSWORD;
  const slips = Number(argValue(args, 'slips') ?? 8);
  const sealed = !args.includes('--unsealed');
  if (!password) {
    process.stderr.write('Cần mật khẩu quản trị / admin password needed: ADMIN_PASSWORD=... npm run demo (or --password ...)\n');
    process.exit(2);
  }
  try {
    await runDemo({ url, password, slips, sealed });
  } catch (err) {
    if (err instanceof ApiError && err.code === 'wrong-password') process.stderr.write('Sai mật khẩu quản trị / wrong admin password.\n');
    else if (err instanceof ApiError && err.code === 'box-needs-laptop') {
      process.stderr.write(
        'Chỉ niêm phong được trên chính máy chủ: chạy demo trên máy đó với --url http://localhost:…, hoặc thêm --unsealed.\n' +
          'Sealing works only on the server laptop itself: run the demo there with --url http://localhost:…, or add --unsealed.\n',
      );
    }
    else if (err instanceof TypeError) process.stderr.write(`Không kết nối được ${url}: hãy chạy "npm start" trước / cannot reach ${url}: start the server first ("npm start").\n`);
    else process.stderr.write(`demo failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
