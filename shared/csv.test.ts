import { describe, expect, it } from 'vitest';
import { detectDelimiter, parsePersonsCsv, personError, splitRecords } from './csv';

const NFD_NAME = 'Nguyễn Thị Hồng'.normalize('NFD');

describe('parsePersonsCsv', () => {
  it('reads a comma file with a Vietnamese header and a BOM', () => {
    const p = parsePersonsCsv('\ufeffHọ và tên,Chức vụ\r\nNguyễn Văn An,Bí thư Tỉnh ủy\r\nTrần Thị Bình,"Phó Bí thư, Chủ tịch UBND"\r\n');
    expect(p.header).toBe(true);
    expect(p.delimiter).toBe(',');
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.line, r.fullName, r.position])).toEqual([
      [2, 'Nguyễn Văn An', 'Bí thư Tỉnh ủy'],
      [3, 'Trần Thị Bình', 'Phó Bí thư, Chủ tịch UBND'],
    ]);
  });

  it('detects semicolons and tabs, and reads an English header', () => {
    expect(parsePersonsCsv('fullName;position\nA;B\n').rows[0]).toMatchObject({ fullName: 'A', position: 'B' });
    expect(detectDelimiter('a\tb,c')).toBe('\t');
    expect(detectDelimiter('a;b;c,d')).toBe(';');
    expect(detectDelimiter('"x;y",b')).toBe(',');
  });

  it('takes a spreadsheet paste with an STT column and no header', () => {
    const p = parsePersonsCsv('1\tLê Văn Cường\tGiám đốc Sở\n2\tPhạm Thị Dung\tChánh Văn phòng\n');
    expect(p.header).toBe(false);
    expect(p.rows.map((r) => r.fullName)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
    expect(p.rows[1]!.position).toBe('Chánh Văn phòng');
  });

  it('normalises NFD names to NFC and folds white space', () => {
    const p = parsePersonsCsv(`  ${NFD_NAME}   ,  Ủy viên  \n`);
    expect(p.rows[0]!.fullName).toBe('Nguyễn Thị Hồng'.normalize('NFC'));
    expect(p.rows[0]!.fullName).not.toBe(NFD_NAME);
    expect(p.rows[0]!.position).toBe('Ủy viên');
  });

  it('reports each bad row with its line and keeps the good ones', () => {
    const long = 'A'.repeat(201);
    const text = ['Họ và tên,Chức vụ', ',Không tên', `${long},x`, 'Ba cột,x,y', '"Xuống\ndòng",x', 'Tốt,Ủy viên', 'Có\u0007chuông,x'].join('\n');
    const p = parsePersonsCsv(text);
    expect(p.rows.map((r) => r.fullName)).toEqual(['Tốt']);
    expect(p.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'csv-empty-name'],
      [3, 'csv-name-too-long'],
      [4, 'csv-too-many-columns'],
      [5, 'csv-control-chars'],
      [8, 'csv-control-chars'],
    ]);
    expect(p.rows[0]!.line).toBe(7);
  });

  it('keeps formula-looking cells as text and flags them', () => {
    const p = parsePersonsCsv('=cmd|"/c calc"!A1,@SUM(1)\n');
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ fullName: '=cmd|"/c calc"!A1', formulaLike: true });
  });

  it('ignores trailing empty cells and blank lines', () => {
    const p = parsePersonsCsv('A,B,,\n\n\nC,D\n');
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(2);
  });

  it('stops at 500 people', () => {
    const p = parsePersonsCsv(Array.from({ length: 502 }, (_, i) => `Người ${i},x`).join('\n'));
    expect(p.rows).toHaveLength(500);
    expect(p.errors.map((e) => e.code)).toEqual(['csv-too-many-rows', 'csv-too-many-rows']);
  });

  it('handles escaped quotes and CR line ends', () => {
    expect(splitRecords('"a ""b""",c\rd,e', ',').map((r) => r.cells)).toEqual([
      ['a "b"', 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('personError', () => {
  it('checks one typed person the same way', () => {
    expect(personError('  ', 'x')).toBe('csv-empty-name');
    expect(personError('A', 'x'.repeat(301))).toBe('csv-position-too-long');
    expect(personError('A\u202eB', '')).toBe('csv-control-chars');
    expect(personError(NFD_NAME, 'Ủy viên')).toBeNull();
  });
});
