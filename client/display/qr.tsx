/** A QR code drawn as SVG in the page (nothing fetched), black on a white quiet zone. */
import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';

export function Qr({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++) {
      // BitMatrix.get takes (row, column), as in client/admin/qr.tsx.
      for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { d, n: modules.size + 8 };
  }, [text]);
  return (
    <svg class="qr" viewBox={`0 0 ${path.n} ${path.n}`} role="img" aria-label={label} shape-rendering="crispEdges" data-testid="receipts-qr">
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
