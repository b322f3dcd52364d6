/**
 * Bad input changes nothing: a title or a name that is only white space, and a date that
 * is not on the calendar, are refused with a code instead of being stored (an empty name
 * on the ballot, "ngày 31 tháng 02" in the minutes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const body = { title: 'Hội nghị', organisation: 'Đảng bộ', place: 'Hạ Long', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: 10, present: 9 };

async function sessionCount(): Promise<number> {
  return (await server.admin.call('GET /api/admin/sessions')).sessions.length;
}

describe('session and people input', () => {
  it('refuses a date that is not on the calendar, on create and on edit', async () => {
    const before = await sessionCount();
    for (const heldOn of ['2026-02-31', '2026-13-01', '2026-00-10', '2025-02-29']) {
      await expect(server.admin.call('POST /api/admin/sessions', { body: { ...body, heldOn } }), heldOn).rejects.toMatchObject({ status: 400, code: 'bad-date' });
    }
    expect(await sessionCount()).toBe(before);
    const leap = await server.admin.call('POST /api/admin/sessions', { body: { ...body, heldOn: '2028-02-29' } });
    expect(leap.heldOn).toBe('2028-02-29');
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: leap.id }, body: { heldOn: '2026-04-31' } })).rejects.toMatchObject({ code: 'bad-date' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: leap.id } })).heldOn).toBe('2028-02-29');
  });

  it('refuses a title that is only white space, on create and on edit', async () => {
    const before = await sessionCount();
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...body, title: ' \u00a0\t ' } })).rejects.toMatchObject({ status: 400, code: 'empty-title' });
    expect(await sessionCount()).toBe(before);
    const { id } = await server.admin.call('POST /api/admin/sessions', { body });
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id }, body: { title: '   ' } })).rejects.toMatchObject({ code: 'empty-title' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id } })).title).toBe('Hội nghị');
  });

  it('refuses a person whose name is only white space, and keeps the list as it was', async () => {
    const { session, persons } = await prepareSession(server.admin, { persons: 2 });
    const url = `/api/admin/sessions/${session.id}/persons`;
    await expect(
      server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: 'Nguyễn Văn A', position: '' }, { fullName: '  ', position: 'Ủy viên' }] } }),
    ).rejects.toMatchObject({ status: 400, code: 'csv-empty-name' });
    const after = (await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).persons as { id: string }[];
    expect(after.map((p) => p.id)).toEqual(persons.map((p) => p.id));
  });

  it('refuses hidden direction and zero-width marks in a name, as the CSV import does', async () => {
    const { session, persons } = await prepareSession(server.admin, { persons: 1 });
    const url = `/api/admin/sessions/${session.id}/persons`;
    // U+202E turns the rest of the line around on screen and on paper; U+200B is invisible.
    for (const fullName of ['Nguyễn Văn \u202eA', 'Nguyễn\u200b Văn A']) {
      await expect(server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName, position: '' }] } })).rejects.toMatchObject({ status: 400, code: 'csv-control-chars' });
    }
    const after = (await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).persons as { id: string; fullName: string }[];
    expect(after).toEqual([expect.objectContaining({ id: persons[0]!.id, fullName: persons[0]!.fullName })]);
  });
});

describe('one length check for names, after NFC, on every route', () => {
  it('answers csv-name-too-long (not bad-request) for a long name, from PUT persons and from an import confirm', async () => {
    const { session, persons } = await prepareSession(server.admin, { persons: 1 });
    const long = 'Nguyễn Văn Anh '.repeat(20).trim();
    expect(long.length).toBeGreaterThan(200);
    await expect(server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: long, position: '' }] } })).rejects.toMatchObject({ status: 400, code: 'csv-name-too-long' });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: 'A', position: 'Ủy viên '.repeat(60) }] } })).rejects.toMatchObject({ status: 400, code: 'csv-position-too-long' });
    const rows = Array.from({ length: 300 }, (_, i) => ({ fullName: i === 299 ? 'x'.repeat(2000) : `Người ${i + 1}`, position: '' }));
    await expect(server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'append', rows } })).rejects.toMatchObject({ status: 400, code: 'csv-name-too-long' });
    const after = (await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).persons as { id: string }[];
    expect(after.map((p) => p.id)).toEqual(persons.map((p) => p.id));
  });

  it('accepts a decomposed (NFD) name of 167 letters from PUT persons, as import does, and stores it in NFC', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1 });
    const name = 'Nguyễn Thị Ngọc Diệp '.repeat(10).slice(0, 167).trim();
    const nfd = name.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(200);
    const saved = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: nfd, position: '' }] } });
    expect(saved.persons[0]!.fullName).toBe(name);
    const imported = await server.admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id: session.id }, body: { mode: 'replace', rows: [{ fullName: nfd, position: '' }] } });
    expect(imported.persons[0]!.fullName).toBe(name);
  });
});

describe('hidden characters anywhere a person types into the record', () => {
  it('refuses U+061C, U+2060 and U+00AD (Bidi_Control and Default_Ignorable) in names and titles', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1 });
    for (const ch of ['\u061c', '\u2060', '\u00ad', '\ufe0f', '\u180e']) {
      await expect(server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: `Lê Thị${ch} Hoa`, position: '' }] } })).rejects.toMatchObject({ status: 400, code: 'csv-control-chars' });
      await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title: `Hội${ch} nghị` } })).rejects.toMatchObject({ status: 400, code: 'hidden-chars' });
    }
  });


  it('are refused in titles, places, committee names and operator names, and nothing changes', async () => {
    const base = { organisation: 'Đảng ủy', place: 'Huế', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: 10, present: 9 };
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...base, title: 'Hội nghị \u202eđảo chiều' } })).rejects.toMatchObject({ status: 400, code: 'hidden-chars' });
    const { session } = await prepareSession(server.admin, { sealed: false });
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { place: 'Hạ\u200bLong' } })).rejects.toMatchObject({ code: 'hidden-chars' });
    const committee = `/api/admin/sessions/${session.id}/committee`;
    await expect(server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: [{ fullName: 'Lê Văn\u2066 B', role: 'Trưởng ban' }] } })).rejects.toMatchObject({ code: 'hidden-chars' });
    const after = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(after.place).toBe('Hạ Long');
    expect((await server.admin.call('GET /api/admin/sessions/:id/committee', { params: { id: session.id } })).members).toEqual([]);
    const desk = new AdminClient(server.url);
    await expect(desk.login(TEST_PASSWORD, 'Thư\u202e ký')).rejects.toMatchObject({ code: 'hidden-chars' });
    // Ordinary Vietnamese, in NFD, is fine and stored in NFC.
    await desk.login(TEST_PASSWORD, 'Thư ký Hồng'.normalize('NFD'));
    expect(await desk.call('GET /api/admin/me')).toEqual({ operator: 'Thư ký Hồng'.normalize('NFC'), lan: false });
  });
});

describe('opening without a body', () => {
  it('opens, since overrideQuorum is optional (the body is { overrideQuorum? })', async () => {
    const { session } = await prepareSession(server.admin);
    const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/open`, { method: 'POST', headers: { cookie: server.admin.cookieHeader } });
    expect(res.status).toBe(200);
    expect((await res.json()).state).toBe('open');
  });
});
