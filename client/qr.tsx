/** A QR code drawn as SVG in the page (nothing fetched), black on a white quiet zone. */
import { useMemo } from 'preact/hooks';
import { qrSvgPath } from '../shared/qr';

export function Qr({ text, label, size, testId }: { text: string; label: string; size?: number; testId?: string }) {
  const path = useMemo(() => qrSvgPath(text), [text]);
  return (
    <svg
      class="qr"
      {...(size === undefined ? {} : { width: size, height: size })}
      viewBox={`0 0 ${path.n} ${path.n}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
      {...(testId ? { 'data-testid': testId } : {})}
    >
      <rect width={path.n} height={path.n} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
