import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';
import { pdfPageItems } from '../../test/pdf';
import QRCode from 'qrcode';
import { qrMatrix } from '../print/slip-sheet';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function get(path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { cookie: server.admin.cookieHeader } });
}

async function pdfText(bytes: ArrayBuffer): Promise<{ pages: number; text: string }> {
  const pages = await pdfPageItems(bytes);
  return { pages: pages.length, text: pages.map((items) => items.join(' ')).join('\n').replace(/\s+/g, ' ') };
}

describe('slip print view and PDF', () => {
  it('prints 500 slips as A4 HTML with a QR per slip, their codes and the LAN origin, and records it', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 500 });
    const res = await get(`/api/admin/sessions/${session.id}/slips/print?origin=${encodeURIComponent('http://192.168.1.20:8080')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html.match(/<section class="page">/g)).toHaveLength(63);
    expect(html.match(/<svg class="qr"/g)).toHaveLength(500);
    expect(html).toContain('width="35mm"');
    for (const slip of slips.slice(0, 20)) {
      expect(html).toContain(`data-url="http://192.168.1.20:8080${slip.path}"`);
      expect(html).toContain(`<div class="code">${slip.code}</div>`);
    }
    expect(html).toContain('Hội nghị lấy phiếu tín nhiệm');
    expect(html).toContain('Quét mã QR bằng điện thoại');
    expect(html).not.toMatch(/<script/i);

    const list = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id } });
    expect(list.slips.every((s: { printed: number }) => s.printed === 1)).toBe(true);
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } })).events;
    expect(events.at(-1)).toMatchObject({ event: 'slips.printed', detail: { count: 500, format: 'html', which: 'unused' } });
    expect(JSON.stringify(events)).not.toContain(slips[0]!.code);
  });

  it('prints only unprinted slips on request: a replacement after a void', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 3 });
    await get(`/api/admin/sessions/${session.id}/slips/print`);
    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: slips[1]!.code.toLowerCase() } });
    const { slips: [replacement] } = await server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 1 } });
    const html = await (await get(`/api/admin/sessions/${session.id}/slips/print?which=unprinted&origin=http://10.0.0.1:8080`)).text();
    expect(html.match(/<svg class="qr"/g)).toHaveLength(1);
    expect(html).toContain(replacement!.code);
    const again = await get(`/api/admin/sessions/${session.id}/slips/print?which=unprinted`);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toBe('no-slips');
    const reprint = await (await get(`/api/admin/sessions/${session.id}/slips/print?origin=http://10.0.0.1:8080`)).text();
    expect(reprint.match(/<svg class="qr"/g)).toHaveLength(3);
    expect(reprint).not.toContain(slips[1]!.code);
  });

  it('uses error correction M and a QR that holds the whole URL', () => {
    const url = 'http://192.168.100.200:8080/b/ABCD#EFGHJKM';
    const matrix = qrMatrix(url);
    expect(matrix.length).toBeGreaterThanOrEqual(25);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    // Row by row as the library stores it (row-major), not mirrored on the diagonal.
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const rows = Array.from({ length: modules.size }, (_, y) => Array.from(modules.data.subarray(y * modules.size, (y + 1) * modules.size), (v) => v === 1));
    expect(matrix).toEqual(rows);
    expect(matrix).not.toEqual(rows.map((_, y) => rows.map((r) => r[y])));
  });

  it('makes the same slips as a PDF with Vietnamese text intact', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 10 });
    const res = await get(`/api/admin/sessions/${session.id}/slips/print.pdf?origin=http://192.168.1.20:8080`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="phieu-.*\.pdf"/);
    const { pages, text } = await pdfText(await res.arrayBuffer());
    expect(pages).toBe(2);
    for (const slip of slips) expect(text).toContain(slip.code);
    expect(text).toContain('PHIẾU TÍN NHIỆM');
    expect(text).toContain('Hội nghị lấy phiếu tín nhiệm');
    expect(text).toContain('Quét mã QR bằng điện thoại đã nối Wi-Fi của hội nghị.');
    expect(text).toContain('192.168.1.20:8080');
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } })).events;
    expect(events.at(-1)).toMatchObject({ event: 'slips.printed', detail: { count: 10, format: 'pdf' } });
  });

  it('makes a 500-slip PDF', async () => {
    const { session } = await prepareSession(server.admin, { slips: 500 });
    const res = await get(`/api/admin/sessions/${session.id}/slips/print.pdf`);
    expect(res.status).toBe(200);
    const { pages } = await pdfText(await res.arrayBuffer());
    expect(pages).toBe(63);
  });
});
