/** Entry point: read config, build the app, listen, print where to reach it, close on signals. */
import QRCode from 'qrcode';
import { ERROR_MESSAGES } from '../shared/errors';
import { buildApp } from './app';
import { DatabaseFileError } from './db/open';
import { readConfig } from './config';
import { lanAddresses } from './domain/network';
import { logSink, openLogFile } from './log-sink';
import { onEnter } from './terminal';

async function main(): Promise<void> {
  const config = readConfig();
  // Request lines go to the file, not the terminal, so the banner below stays on screen.
  let logFd: number | null = null;
  let logProblem: string | null = null;
  try {
    logFd = openLogFile(config.logFile);
  } catch (err) {
    logProblem = (err as { code?: string }).code ?? (err as Error).message;
  }
  const sink = logSink({ fd: logFd, terminalLevel: config.terminalLogLevel });
  const app = await buildApp({
    dbFile: config.dbFile,
    adminPassword: config.adminPassword,
    adminLan: config.adminLan,
    logger: { level: sink.level, stream: sink.stream },
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;

  /** The addresses (read again each time: the hotspot may start after the server), the QR, the password's state. */
  const banner = async (first: boolean): Promise<string> => {
    const hosts = config.host === '0.0.0.0' || config.host === '::' ? lanAddresses() : [config.host];
    const urls = hosts.map((h) => `http://${h}:${port}`);
    const lines = ['', 'tinnhiem đang chạy / is running', `  Dữ liệu / data: ${config.dbFile}`];
    if (logFd !== null) {
      const shown = config.terminalLogLevel === 'info' || config.terminalLogLevel === 'debug' || config.terminalLogLevel === 'trace';
      lines.push(`  Nhật ký / log: ${config.logFile}${shown ? '' : '  (LOG_LEVEL=info: in cả ở đây / also shown here)'}`);
    } else {
      lines.push(`  !! Không ghi được nhật ký / cannot write the log: ${config.logFile} (${logProblem})`);
    }
    lines.push(`  Bàn thư ký, trên máy này / console, on this laptop: http://localhost:${port}/admin`);
    if (config.adminLan) {
      for (const url of urls) lines.push(`  Mạng LAN / LAN: ${url}    Bàn thư ký / console: ${url}/admin`);
      lines.push(
        '',
        '  !! ADMIN_LAN=1: máy khác trong mạng được mở bảng điều khiển; mật khẩu và phiên đăng nhập đi qua Wi-Fi không mã hóa.',
        '  !! ADMIN_LAN=1: other devices may open the console; the password and the login travel the Wi-Fi unencrypted.',
      );
    } else {
      for (const url of urls) lines.push(`  Mạng LAN, cho điện thoại / LAN, for phones: ${url}`);
      lines.push('  (Bảng điều khiển chỉ mở trên máy này; ADMIN_LAN=1 cho máy khác / the console opens on this laptop only; ADMIN_LAN=1 lets other devices in)');
    }
    if (urls.length === 0) lines.push('  (Chưa có mạng LAN / no LAN address yet: connect Wi-Fi or start the hotspot, then press Enter)');
    // The QR opens what another device may open: the console with ADMIN_LAN=1, else the phones' page.
    const qrUrl = config.adminLan ? `${urls[0] ?? `http://localhost:${port}`}/admin` : `${urls[0] ?? `http://localhost:${port}`}/`;
    lines.push('', `  ${qrUrl}`, (await QRCode.toString(qrUrl, { type: 'terminal', small: true })).trimEnd());
    lines.push('', ...passwordLines(first ? app.generatedAdminPassword : null, config.adminPassword !== undefined));
    if (listening) lines.push('', '  Nhấn Enter để in lại địa chỉ và mã QR / press Enter to print the addresses and the QR code again.');
    return lines.join('\n') + '\n';
  };
  const listening = onEnter(() => void banner(false).then((text) => process.stdout.write(text)));
  process.stdout.write(await banner(true));

  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    process.stdout.write('\nĐang dừng máy chủ / stopping the server…\n');
    app.close().then(
      () => {
        sink.close();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => close('SIGINT'));
  process.on('SIGTERM', () => close('SIGTERM'));
}

/**
 * The admin password: printed once when generated; otherwise how to choose a new one, since
 * only its hash is kept and a forgotten password cannot be shown again.
 */
function passwordLines(generated: string | null, fromEnv: boolean): string[] {
  if (generated) {
    return [
      `  Mật khẩu quản trị (chỉ in một lần) / admin password (shown once): ${generated}`,
      '  Đặt ADMIN_PASSWORD để chọn mật khẩu khác / set ADMIN_PASSWORD to choose another.',
    ];
  }
  if (fromEnv) return ['  Mật khẩu quản trị: theo ADMIN_PASSWORD / admin password: the one in ADMIN_PASSWORD.'];
  const command =
    process.platform === 'win32'
      ? '$env:ADMIN_PASSWORD="…"; npm start   (PowerShell)   ·   set "ADMIN_PASSWORD=…" && npm start   (cmd)'
      : 'ADMIN_PASSWORD=… npm start';
  return [
    '  Mật khẩu quản trị đã đặt trước đây, không in lại / the admin password was set before and is not shown again.',
    '  Quên mật khẩu? Dừng máy chủ (Ctrl+C) rồi chạy / forgot it? Stop the server (Ctrl+C) and run:',
    `    ${command}`,
  ];
}

main().catch((err: Error) => {
  if (err instanceof DatabaseFileError) {
    const { vi, en } = ERROR_MESSAGES[err.code];
    process.stderr.write(`\ntinnhiem không khởi động / did not start [${err.code}]\n  ${err.file}\n  ${vi}\n  ${en}\n  (${err.detail})\n`);
  } else {
    process.stderr.write(`tinnhiem failed to start: ${err.message}\n`);
  }
  process.exit(1);
});
