/**
 * What a printed slip carries, shared by the HTML print view and the PDF: A4 portrait,
 * 2 × 4 slips a page with cut lines, each with its QR code (error correction M, 35 mm),
 * the typed code, the vote's title and organisation (wrapped whole, never cut) and three
 * lines of instruction.
 */
export { qrMatrix, qrRuns } from '../../shared/qr';
import type { SessionRecord } from '../domain/sessions';
import type { SlipRecord } from '../domain/slips';

export const PAGE_MM = { width: 210, height: 297 };
export const SLIP_MM = { width: 105, height: 74.25 };
export const SLIPS_PER_PAGE = 8;
/** At least 25 mm so phone cameras read it at arm's length. */
export const QR_MM = 35;
/** Quiet zone around the QR, in modules (4 is the standard's minimum). */
export const QR_QUIET = 4;

export interface SlipFace {
  /** Absolute URL the QR holds: origin + /b/<id>#<secret>. */
  url: string;
  code: string;
  title: string;
  organisation: string;
  heading: string;
  instructions: [string, string, string];
}

export function slipFaces(session: SessionRecord, slips: SlipRecord[], origin: string): SlipFace[] {
  const host = origin.replace(/^https?:\/\//, '');
  return slips.map((slip) => ({
    url: `${origin}${slip.path}`,
    code: slip.code,
    title: session.title,
    organisation: session.organisation,
    heading: session.preset.kind === 'bo-phieu' ? 'PHIẾU BỎ PHIẾU TÍN NHIỆM' : 'PHIẾU TÍN NHIỆM',
    instructions: [
      'Quét mã QR bằng điện thoại đã nối Wi-Fi của hội nghị.',
      `Hoặc mở ${host} rồi nhập mã phiếu ở trên.`,
      'Chọn mức cho từng người rồi gửi. Mỗi phiếu chỉ gửi một lần.',
    ],
  }));
}

/**
 * How much smaller the print page sets a long title and organisation so both fit the slip
 * whole (0: normal size, up to 3: smallest). The page has no script to measure text, so this
 * estimates lines from the length, on the safe side; the PDF measures its own (slip-pdf.ts).
 * e2e/slips-print.e2e.test.ts checks in Chromium that nothing overflows at the longest.
 */
export function slipTextStep(face: Pick<SlipFace, 'title' | 'organisation'>): number {
  for (let step = 0; step < SLIP_TEXT_STEPS.length; step++) {
    const { titleMm, orgMm } = SLIP_TEXT_STEPS[step]!;
    if (estimatedLines(face.title, titleMm, 0.64) * titleMm * 1.3 + estimatedLines(face.organisation, orgMm, 0.6) * orgMm * 1.3 <= SLIP_TEXT_ROOM_MM) return step;
  }
  return SLIP_TEXT_STEPS.length - 1;
}

/** Type sizes (mm) of the title and organisation at each step. */
export const SLIP_TEXT_STEPS = [
  { titleMm: 2.9, orgMm: 2.9 },
  { titleMm: 2.5, orgMm: 2.5 },
  { titleMm: 2.15, orgMm: 2.15 },
  { titleMm: 1.85, orgMm: 1.85 },
];

/** The text column beside the QR: 105 mm less padding (4 + 5), the QR (35) and the gap (3). */
const SLIP_TEXT_WIDTH_MM = 58;
/** Height left for title and organisation once heading, code and instructions have theirs. */
const SLIP_TEXT_ROOM_MM = 27;

/** Lines a text takes at a size, words wrapped, with an average glyph width in em. */
function estimatedLines(text: string, sizeMm: number, em: number): number {
  const perLine = Math.floor(SLIP_TEXT_WIDTH_MM / (sizeMm * em));
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const n = [...word].length;
    if (used > 0 && used + 1 + n > perLine) {
      lines += 1;
      used = 0;
    }
    used += (used > 0 ? 1 : 0) + n;
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return text.trim() === '' ? 0 : lines;
}
