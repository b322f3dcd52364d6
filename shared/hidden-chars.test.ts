/**
 * The characters refused in typed names are Unicode's Default_Ignorable_Code_Point and
 * Bidi_Control sets (plus controls), checked here against the ranges of Unicode 15.1's
 * DerivedCoreProperties.txt and PropList.txt, so a regression to a hand-kept list fails.
 */
import { describe, expect, it } from 'vitest';
import { CONTROL_RE, personError } from './csv';

// DerivedCoreProperties.txt, Default_Ignorable_Code_Point (Unicode 15.1).
const DEFAULT_IGNORABLE: [number, number][] = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5],
  [0x180b, 0x180f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164],
  [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xffa0, 0xffa0], [0xfff0, 0xfff8], [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a], [0xe0000, 0xe0fff],
];
// PropList.txt, Bidi_Control.
const BIDI_CONTROL: [number, number][] = [[0x061c, 0x061c], [0x200e, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069]];

function* points(ranges: [number, number][]): Generator<number> {
  for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) yield cp;
}

describe('hidden characters', () => {
  it('refuses every Default_Ignorable_Code_Point and every Bidi_Control, and every control', () => {
    const missed: string[] = [];
    for (const cp of [...points(DEFAULT_IGNORABLE), ...points(BIDI_CONTROL), ...points([[0, 0x1f], [0x7f, 0x9f]])]) {
      if (!CONTROL_RE.test(`Nguyễn${String.fromCodePoint(cp)}Văn`)) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('names the issue\'s three: U+061C, U+2060 and U+00AD in a name are refused', () => {
    for (const ch of ['\u061c', '\u2060', '\u00ad']) expect(personError(`Lê Thị${ch} Hoa`, 'Ủy viên')).toBe('csv-control-chars');
  });

  it('accepts every Vietnamese letter, precomposed or decomposed, and ordinary punctuation', () => {
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
    for (const text of [letters, letters.toUpperCase(), letters.normalize('NFD'), 'Phó Bí thư Thường trực (kiêm), Chủ tịch HĐND — tỉnh Thừa Thiên-Huế; số 1/2.']) {
      expect(CONTROL_RE.test(text), text).toBe(false);
    }
  });

  it('measures a name after NFC: a decomposed name of 167 letters is as long as its precomposed self', () => {
    const base = 'Nguyễn Thị Ngọc Diệp ';
    const name = base.repeat(10).slice(0, 167).trim();
    const nfd = name.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(200);
    expect(personError(nfd, '')).toBeNull();
    expect(personError('ễ'.normalize('NFD').repeat(201), '')).toBe('csv-name-too-long');
  });
});
