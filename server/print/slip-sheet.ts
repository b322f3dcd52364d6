/**
 * What a printed slip carries, shared by the HTML print view and the PDF: A4 portrait,
 * 2 × 4 slips a page with cut lines, each with its QR code (error correction M, 35 mm),
 * the typed code, the vote's title and three lines of instruction.
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
