/** A colour square for a legend, drawn as SVG with a fill attribute: no inline style needed. */
export function Swatch({ color }: { color: string }) {
  return (
    <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">
      <rect width="10" height="10" rx="1.5" fill={color} />
    </svg>
  );
}
