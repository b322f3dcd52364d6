import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from '../../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const NFD = (s: string) => s.normalize('NFD');

describe('people import (preview, then confirm)', () => {
  it('previews a file with bad rows and NFD names without changing anything, then imports the clean rows', async () => {
    const { session } = await prepareSession(server.admin, { persons: 2, slips: 1 });
    const base = `/api/admin/sessions/${session.id}/persons/import`;
    const text = `\ufeffHọ và tên;Chức vụ\n${NFD('Nguyễn Thị Hồng')};${NFD('Phó Chủ tịch')}\n;Không tên\nA;B;C\n=HYPERLINK("x");Ủy viên\n`;
    const preview = await server.admin.call('POST /api/admin/sessions/:id/persons/import/preview', { params: { id: session.id }, body: { text } });
    expect(preview.delimiter).toBe(';');
    expect(preview.header).toBe(true);
    expect(preview.rows.map((r: { fullName: string }) => r.fullName)).toEqual(['Nguyễn Thị Hồng', '=HYPERLINK("x")']);
    expect(preview.rows[0]!.fullName).toBe('Nguyễn Thị Hồng'.normalize('NFC'));
    expect(preview.rows[1]!.formulaLike).toBe(true);
    expect(preview.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, 'csv-empty-name'],
      [4, 'csv-too-many-columns'],
    ]);
    const before = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(before.persons).toHaveLength(2);

    const { persons } = await server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'append', rows: preview.rows.map(({ fullName, position }: { fullName: string; position: string }) => ({ fullName, position })) } });
    expect(persons.map((p: { fullName: string }) => p.fullName).slice(2)).toEqual(['Nguyễn Thị Hồng', '=HYPERLINK("x")']);
    expect(persons[2]!.position).toBe('Phó Chủ tịch'.normalize('NFC'));

    const replaced = await server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'replace', rows: [{ fullName: NFD('Lê Văn Đức'), position: '' }] } });
    expect(replaced.persons.map((p: { fullName: string }) => p.fullName)).toEqual(['Lê Văn Đức']);
    const events = (await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } })).events;
    expect(events.filter((e: { event: string }) => e.event === 'persons.changed').at(-1)!.detail).toEqual({ count: 1, imported: 1, mode: 'replace' });
  });

  it('refuses a confirm with a bad row and changes nothing', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const base = `/api/admin/sessions/${session.id}/persons/import`;
    await expect(
      server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'replace', rows: [{ fullName: 'Tốt', position: '' }, { fullName: 'Xấu\u0000', position: '' }] } }),
    ).rejects.toMatchObject({ status: 400, code: 'csv-control-chars' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'replace', rows: [{ fullName: '   ', position: '' }] } })).rejects.toMatchObject({
      code: 'csv-empty-name',
    });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).persons).toHaveLength(1);
  });

  it('refuses import once the session is open, and without login', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const base = `/api/admin/sessions/${session.id}/persons/import`;
    await expect(server.admin.call('POST /api/admin/sessions/:id/persons/import/preview', { params: { id: session.id }, body: { text: 'A,B' } })).rejects.toMatchObject({ status: 409, code: 'session-not-draft' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'append', rows: [{ fullName: 'A', position: '' }] } })).rejects.toMatchObject({
      code: 'session-not-draft',
    });
    const anonymous = new AdminClient(server.url);
    await expect(anonymous.call('POST /api/admin/sessions/:id/persons/import/preview', { params: { id: session.id }, body: { text: 'A,B' } })).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });
});
