/** A QR code drawn as SVG in the page (no image fetched). */
import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';

export function Qr({ text, size = 160, label }: { text: string; size?: number; label: string }) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++) {
      // BitMatrix.get takes (row, column): get(x, y) would draw the code mirrored on its diagonal.
      for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    return { d, n: modules.size + 8 };
  }, [text]);
  return (
    <svg class="qr" width={size} height={size} viewBox={`0 0 ${path.n} ${path.n}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
