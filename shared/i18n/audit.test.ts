import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS, AUDIT_STRINGS, auditActorText, auditDetailText, auditEventText, auditUntranslated } from './audit';

describe('audit words', () => {
  it('names every event and every detail key in Vietnamese and English, each event differently', () => {
    for (const table of ['events', 'details'] as const) {
      const keys = Object.keys(AUDIT_STRINGS.vi[table]);
      expect(Object.keys(AUDIT_STRINGS.en[table]).sort(), table).toEqual([...keys].sort());
      for (const key of keys) {
        for (const lang of ['vi', 'en'] as const) expect((AUDIT_STRINGS[lang][table] as Record<string, string>)[key]!.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
    expect(new Set(AUDIT_EVENTS.map((e) => auditEventText(e, 'vi'))).size).toBe(AUDIT_EVENTS.length);
    expect(new Set(AUDIT_EVENTS.map((e) => auditEventText(e, 'en'))).size).toBe(AUDIT_EVENTS.length);
  });

  it('writes a row the way the console and the minutes print it, in either language', () => {
    const imported = { count: 5, imported: 2, mode: 'append' };
    expect(auditDetailText('persons.changed', imported, 'vi')).toBe('số lượng: 5; số người nhập từ tệp: 2; cách nhập: thêm vào danh sách');
    expect(auditDetailText('persons.changed', imported, 'en')).toBe('count: 5; imported from a file: 2; import: added to the list');
    expect(auditDetailText('session.created', { presetId: 'qd96-2023' }, 'vi')).toBe('quy định: Quy định 96-QĐ/TW');
    expect(auditDetailText('paper.discarded', { count: 2, reason: 'mismatch' }, 'vi')).toBe('số lượng: 2; lý do: hai lần nhập không khớp');
    expect(auditDetailText('session.updated', { fields: ['title', 'heldOn'] }, 'vi')).toBe('mục: tên, ngày');
    expect(auditDetailText('live-results.changed', { enabled: true, override: false }, 'en')).toBe('on: yes; explicit override: no');
    expect(auditDetailText('slips.issued', { count: 1200 }, 'vi')).toBe('số lượng: 1.200');
    // At opening, the holders are those who presented their share.
    expect(auditDetailText('box.opened', { holders: 'Hòa, Bình' }, 'vi')).toBe('người xuất trình mảnh khóa: Hòa, Bình');
    expect(auditDetailText('box.sealed', { holders: 3 }, 'vi')).toBe('người giữ mảnh khóa: 3');
    expect(auditActorText('secretariat', 'vi')).toBe('Bàn thư ký');
    expect(auditActorText('server', 'vi')).toBe('Máy chủ');
    expect(auditActorText('Trần Thị B', 'en')).toBe('Trần Thị B');
  });

  it('prints what it does not know as stored, and says so', () => {
    expect(auditEventText('future.event', 'vi')).toBe('future.event');
    expect(auditEventText('constructor', 'vi')).toBe('constructor');
    expect(auditDetailText('persons.changed', { newKey: 1 }, 'vi')).toBe('newKey: 1');
    expect(auditUntranslated('persons.changed', { newKey: 1, mode: 'merge', fields: ['title', 'colour'] })).toEqual(['newKey', 'mode=merge', 'fields=colour']);
    expect(auditUntranslated('future.event', {})).toEqual(['future.event']);
    expect(auditUntranslated('persons.changed', { count: 5, imported: 2, mode: 'append' })).toEqual([]);
  });
});
