/**
 * `npm run backup -- DIR`: a consistent copy of the data file into DIR while the server runs
 * (DATA_DIR as for `npm start`). See docs/operations.md for restoring one.
 */
import { readConfig } from '../server/config';
import { backupDatabase } from '../server/domain/backup';

const dir = process.argv[2];
if (!dir || dir.startsWith('-')) {
  process.stderr.write('Dùng / usage: npm run backup -- THƯ_MỤC/DIR   (DATA_DIR như khi chạy npm start / as for npm start)\n');
  process.exit(2);
}
const { dbFile } = readConfig();
backupDatabase(dbFile, dir).then(
  (report) => {
    for (const s of report.openSessions) {
      process.stdout.write(
        `\n⚠ Đang bỏ phiếu: “${s.title}”. Bản sao giữ đúng những gì thư mục dữ liệu đang giữ lúc này${s.sealed ? ' (phiếu điện thoại đã niêm phong, khóa phiếu của các phiếu QR, thứ tự ghi)' : ' (hòm không niêm phong: phiếu đã ghi ở dạng đọc được)'}. Cất giữ như hòm phiếu (docs/security.md).\n` +
          `⚠ Voting is open: "${s.title}". The copy holds exactly what the data folder holds now${s.sealed ? ' (sealed phone ballots, slip keys, the order of writing)' : ' (an unsealed box: ballots recorded so far, readable)'}. Keep it as you would the ballot box (docs/security.md).\n`,
      );
    }
    process.stdout.write(`\nĐã sao lưu / backed up: ${report.file} (${report.pages} trang / pages, đã kiểm tra / checked)\n`);
  },
  (err: Error) => {
    process.stderr.write(`Sao lưu thất bại / backup failed: ${err.message}\n`);
    process.exit(1);
  },
);
