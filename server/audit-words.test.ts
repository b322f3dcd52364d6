/**
 * One translation of the audit log for the console's Log tab and the minutes' appendix
 * (shared/i18n/audit.ts). A whole day is run through the real server so that it writes every
 * event the log knows; then every row it wrote must have words for its event, its detail
 * keys and its recorded English values, in both languages, and the minutes must print
 * exactly what the shared table says.
 */
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, entryOf } from '../scripts/lib/client';
import { AUDIT_EVENTS, auditActorText, auditDetailText, auditEventText, auditUntranslated } from '../shared/i18n/audit';
import { formatVietnamMoment } from '../shared/format';
import { loadMinutesModel } from './domain/minutes-model';
import { castBallots } from '../test/results';
import { SessionPatch } from '../shared/api-contract';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  // ADMIN_LAN=1 is recorded at start (admin.lan-enabled).
  server = await startTestServer({ adminLan: true });
});
afterAll(async () => {
  await server.close();
});

/** Every route that writes to the audit log, once or more. */
async function aWholeDay(): Promise<{ sealedId: string; unsealedId: string }> {
  const admin = server.admin;
  const b = new AdminClient(server.url);
  await b.login(TEST_PASSWORD, 'Trần Thị B');
  const leaving = new AdminClient(server.url);
  await leaving.login(TEST_PASSWORD, 'Người Về Sớm');
  await leaving.call('POST /api/admin/logout');

  // An unsealed vote: details, rules, people, slips, printing, voiding, live results, paper.
  const { session, slips } = await prepareSession(admin, { persons: 2, slips: 6, sealed: false });
  const id = session.id;
  const detail = await admin.call('GET /api/admin/sessions/:id', { params: { id } });
  // Every field the details form may change, as it stands: session.updated names each one.
  const everyField = Object.fromEntries(Object.keys(SessionPatch.properties).map((k) => [k, detail[k as keyof typeof detail] ?? '']));
  await admin.call('PATCH /api/admin/sessions/:id', { params: { id }, body: everyField });
  await admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 3 } });
  await admin.call('PUT /api/admin/sessions/:id/preset', { params: { id }, body: detail.preset });
  await admin.call('POST /api/admin/sessions/:id/preset/reset', { params: { id } });
  await admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id }, body: { mode: 'append', rows: [{ fullName: 'Lê Văn C', position: 'Ủy viên' }] } });
  await admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id }, body: { mode: 'replace', rows: [{ fullName: 'Lê Văn D', position: 'Ủy viên' }] } });
  await admin.call('PUT /api/admin/sessions/:id/committee', { params: { id }, body: { members: [{ fullName: 'Đỗ Thị Hương', role: 'Trưởng ban' }] } });
  for (const which of ['unused', 'unprinted']) {
    for (const suffix of ['', '.pdf']) {
      await admin.call('POST /api/admin/sessions/:id/slips', { params: { id }, body: { count: 1 } });
      const res = await fetch(`${server.url}/api/admin/sessions/${id}/slips/print${suffix}?which=${which}`, { headers: { cookie: admin.cookieHeader } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  }
  await admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id }, body: { code: slips[5]!.code } });
  // The copy keeps its log; deleting a draft takes the draft's own log with it, not the deletion.
  const copy = await admin.call('POST /api/admin/sessions/:id/duplicate', { params: { id } });
  const spare = await admin.call('POST /api/admin/sessions/:id/duplicate', { params: { id: copy.id } });
  await admin.call('DELETE /api/admin/sessions/:id', { params: { id: spare.id } });
  await admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id }, body: { sealed: true } });
  await admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id }, body: { sealed: false } });
  await admin.call('PATCH /api/admin/sessions/:id', { params: { id }, body: { summoned: 100, present: 10 } });
  await admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: { overrideQuorum: true } });
  await admin.call('POST /api/admin/sessions/:id/live-results', { params: { id }, body: { enabled: true, override: true } });
  await admin.call('POST /api/admin/sessions/:id/live-results', { params: { id }, body: { enabled: false } });
  const people = (await admin.call('GET /api/admin/sessions/:id', { params: { id } })).persons as { id: string }[];
  const entries = `/api/admin/sessions/${id}/paper/entries`;
  const sheet = (level: string) => ({ invalidSheet: false, marks: Object.fromEntries(people.map((p) => [p.id, level])) });
  const kept = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('high') });
  await b.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet('high'), pendingId: entryOf(kept) } });
  const mismatched = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('high') });
  await expect(b.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet('low'), pendingId: entryOf(mismatched) } })).rejects.toMatchObject({ code: 'paper-mismatch' });
  const withdrawn = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('medium') });
  await admin.call('DELETE /api/admin/sessions/:id/paper/entries/:entryId', { params: { id, entryId: entryOf(withdrawn) } });
  await admin.call('POST /api/admin/sessions/:id/close', { params: { id } });
  await admin.call('POST /api/admin/sessions/:id/publish', { params: { id } });

  // A sealed vote: sealing, casting, a close whose cleanup waits for a reader, opening.
  const sealed = await prepareSession(admin, { persons: 1, slips: 3 });
  await admin.call('POST /api/admin/sessions/:id/slips/void-unused', { params: { id: sealed.session.id } });
  await admin.call('POST /api/admin/sessions/:id/slips', { params: { id: sealed.session.id }, body: { count: 2 } });
  const fresh = (await admin.call('GET /api/admin/sessions/:id/slips', { params: { id: sealed.session.id }, query: { state: 'unused' } })).slips as { path: string }[];
  await admin.call('POST /api/admin/sessions/:id/open', { params: { id: sealed.session.id }, body: {} });
  await castBallots(server.url, sealed.session.id, fresh, [{ [sealed.persons[0]!.id]: 'high' }]);
  const reader = new Sqlite(server.dbFile, { readonly: true });
  reader.prepare('begin').run();
  reader.prepare('select count(*) from sealed_ballots').get();
  try {
    expect(await admin.call('POST /api/admin/sessions/:id/close', { params: { id: sealed.session.id } })).toMatchObject({ tracesPending: true });
  } finally {
    reader.prepare('commit').run();
    reader.close();
  }
  await admin.openBox(sealed.session.id, sealed.shares.slice(0, 2));
  await admin.call('POST /api/admin/sessions/:id/scrub', { params: { id: sealed.session.id } });
  return { sealedId: sealed.session.id, unsealedId: id };
}

describe('the audit log in words', () => {
  it('has words, in both languages, for every event, key and value the server writes; the minutes print the same words', async () => {
    const { sealedId, unsealedId } = await aWholeDay();
    const rows = await server.app.db.selectFrom('audit_log').select(['id', 'session_id', 'at', 'actor', 'event', 'detail']).orderBy('id').execute();
    const written = new Set(rows.map((r) => r.event));
    // The day wrote every event the log knows (a new event needs a step in aWholeDay too).
    expect([...written].sort()).toEqual([...AUDIT_EVENTS].sort());

    for (const row of rows) {
      const detail = JSON.parse(row.detail) as Record<string, unknown>;
      expect(auditUntranslated(row.event, detail), `${row.event} ${row.detail}`).toEqual([]);
      for (const lang of ['vi', 'en'] as const) expect(auditEventText(row.event, lang)).not.toBe(row.event);
      // In Vietnamese no key is printed as stored (in English "count" may rightly stay "count").
      const vi = auditDetailText(row.event, detail, 'vi');
      for (const key of Object.keys(detail)) expect(vi, `${row.event}: ${key}`).not.toMatch(new RegExp(`(^|; )${key}:`));
    }

    // Values the server records in English come out in Vietnamese.
    const vi = rows.map((r) => auditDetailText(r.event, JSON.parse(r.detail), 'vi')).join('\n');
    for (const words of [
      'lý do: hai lần nhập không khớp',
      'lý do: rút lần nhập',
      'dạng: PDF; phiếu in: phiếu chưa in',
      'dạng: trang in; phiếu in: mọi phiếu chưa dùng',
      'cách nhập: thêm vào danh sách',
      'cách nhập: thay cả danh sách',
      'quy định: Quy định 96-QĐ/TW',
      'cơ sở tính tỉ lệ: tổng số phiếu thu về',
      'bật: có; xác nhận riêng: có',
      'mọi phiếu chưa dùng: có',
      'người xuất trình mảnh khóa: ',
    ]) {
      expect(vi).toContain(words);
    }
    expect(vi).toMatch(/mục: tên, cơ quan, tổ chức, địa điểm, .*ngày/);

    // The minutes' appendix is the shared table, row for row.
    for (const sessionId of [sealedId, unsealedId]) {
      const { appendix } = await loadMinutesModel(server.app.db, sessionId);
      const own = rows.filter((r) => r.session_id === sessionId);
      expect(appendix.rows).toEqual(
        own.map((r) => ({
          at: formatVietnamMoment(r.at, { seconds: true }),
          actor: auditActorText(r.actor, 'vi'),
          event: auditEventText(r.event, 'vi'),
          detail: auditDetailText(r.event, JSON.parse(r.detail), 'vi'),
        })),
      );
    }
  });
});
