/**
 * The published list of tracking codes (mã kiểm tra) of an opened box, as a page a delegate
 * opens from the display's QR: no script, a form that checks one code, and the whole list.
 * It addresses no one ("đồng chí" or "đại biểu" is the vote's choice; the page reads the same for both).
 */
import type { ReceiptsFile } from '../../shared/api-types';
import { escapeHtml as e } from './html';

/** The page's style sheet, served as /print/receipts.css (no inline style under the CSP). */
export const RECEIPTS_CSS = `body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem;color:#111;line-height:1.45}
h1{font-size:1.35rem;margin:.2rem 0}.en{color:#444;font-size:.9em}.org{margin:0 0 .8rem}
form{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}input{font:inherit;font-size:1.1rem;padding:.5rem;min-width:14rem;letter-spacing:.05em;text-transform:uppercase}
button{font:inherit;padding:.5rem 1rem;background:#0b4f9c;color:#fff;border:0;border-radius:.3rem}
.found,.missing{padding:.8rem 1rem;border-radius:.4rem;margin:1rem 0;font-weight:600}.found{background:#e3f5e6;border:2px solid #1e7b34}.missing{background:#fdecea;border:2px solid #b3261e}
.codes{columns:12rem;font-family:'DejaVu Sans Mono',monospace;padding:0;list-style:none}.codes li{padding:.1rem 0}
.fp{font-family:'DejaVu Sans Mono',monospace;word-break:break-all}`;

export function renderReceiptsPage(
  file: ReceiptsFile | null,
  check?: { typed: string; code: string | null; found: boolean },
): string {
  const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>Mã kiểm tra phiếu — Tracking codes</title><link rel="stylesheet" href="/print/receipts.css"></head><body><main>`;
  if (!file) {
    return `${head}<h1>Danh sách mã kiểm tra</h1><p>Hòm phiếu điện tử chưa được mở: chưa có danh sách mã kiểm tra.</p><p class="en">The phone ballot box has not been opened yet: there is no list of tracking codes.</p></main></body></html>`;
  }
  let result = '';
  if (check) {
    if (check.code === null) {
      result = `<p class="missing" role="alert">Mã kiểm tra gồm 12 ký tự, dạng XXXX-XXXX-XXXX.<br><span class="en">A tracking code has 12 characters, like XXXX-XXXX-XXXX.</span></p>`;
    } else if (check.found) {
      result = `<p class="found" role="status">Mã ${e(check.code)} có trong hòm phiếu.<br><span class="en">Code ${e(check.code)} is in the ballot box.</span></p>`;
    } else {
      result = `<p class="missing" role="alert">Mã ${e(check.code)} không có trong danh sách. Xin kiểm tra lại mã và báo ngay cho Ban kiểm phiếu.<br><span class="en">Code ${e(check.code)} is not in the list. Check the code and tell the tally committee at once.</span></p>`;
    }
  }
  return `${head}<h1>Danh sách mã kiểm tra phiếu điện thoại <span class="en">· Tracking codes of phone ballots</span></h1>
<p class="org">${e(file.title)} — ${e(file.organisation)}</p>
<p>Số phiếu điện thoại trong hòm: <strong>${file.phoneBallots}</strong> <span class="en">· phone ballots in the box</span><br>
Dấu vân tay hòm phiếu <span class="en">(box fingerprint)</span>: <span class="fp">${e(file.fingerprint)}</span></p>
<form method="get"><label for="code">Mã kiểm tra trên điện thoại <span class="en">· Your tracking code</span></label><input id="code" name="code" autocomplete="off" placeholder="XXXX-XXXX-XXXX" value="${e(check?.typed ?? '')}"><button type="submit">Kiểm tra · Check</button></form>
${result}
<p class="en">Mã kiểm tra chỉ chứng minh phiếu có trong hòm, không cho biết nội dung phiếu. · A tracking code proves your ballot is in the box; it says nothing of its content.</p>
<ul class="codes">${file.codes.map((c) => `<li>${e(c)}</li>`).join('')}</ul>
</main></body></html>`;
}
