/** Entry point: read config, build the app, listen, print where to reach it, close on signals. */
import QRCode from 'qrcode';
import { ERROR_MESSAGES } from '../shared/errors';
import { buildApp } from './app';
import { DatabaseFileError } from './db/open';
import { readConfig } from './config';
import { lanAddresses } from './domain/network';

async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp({
    dbFile: config.dbFile,
    adminPassword: config.adminPassword,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;

  const hosts = config.host === '0.0.0.0' || config.host === '::' ? lanAddresses() : [config.host];
  const urls = hosts.map((h) => `http://${h}:${port}`);
  const lines = ['', 'tinnhiem đang chạy / is running', `  Dữ liệu / data: ${config.dbFile}`, `  Máy này / this laptop: http://localhost:${port}/admin`];
  for (const url of urls) lines.push(`  Mạng LAN / LAN: ${url}    Bàn thư ký / console: ${url}/admin`);
  if (urls.length === 0) lines.push('  (Chưa có mạng LAN / no LAN address yet: connect Wi-Fi or start the hotspot)');
  if (app.generatedAdminPassword) {
    lines.push('', `  Mật khẩu quản trị (chỉ in một lần) / admin password (shown once): ${app.generatedAdminPassword}`);
    lines.push('  Đặt ADMIN_PASSWORD để chọn mật khẩu khác / set ADMIN_PASSWORD to choose another.');
  }
  process.stdout.write(lines.join('\n') + '\n');
  const consoleUrl = `${urls[0] ?? `http://localhost:${port}`}/admin`;
  process.stdout.write(`\n  ${consoleUrl}\n` + (await QRCode.toString(consoleUrl, { type: 'terminal', small: true })) + '\n');

  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => close('SIGINT'));
  process.on('SIGTERM', () => close('SIGTERM'));
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
