/**
 * The fonts the printed papers use, found once for every renderer. Resolved as packages, so
 * the same code finds them from server/ (tsx) and from the compiled build/server.mjs.
 *
 * - Noto Serif (SIL Open Font License, full Vietnamese): the minutes, as official documents
 *   are set in a serif; the PDF embeds it and the print page loads it from `/print/fonts/`.
 * - DejaVu Sans and Sans Mono: the slips, and the minutes' box fingerprint, which is read
 *   symbol by symbol.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const NOTO_DIR = dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
const DEJAVU_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The Noto Serif faces, by the file name the print page asks for. */
export const SERIF_FACES = {
  'noto-serif-regular.ttf': { file: join(NOTO_DIR, '400Regular', 'NotoSerif_400Regular.ttf'), weight: 400, style: 'normal' },
  'noto-serif-bold.ttf': { file: join(NOTO_DIR, '700Bold', 'NotoSerif_700Bold.ttf'), weight: 700, style: 'normal' },
  'noto-serif-italic.ttf': { file: join(NOTO_DIR, '400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'), weight: 400, style: 'italic' },
  'noto-serif-bold-italic.ttf': { file: join(NOTO_DIR, '700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'), weight: 700, style: 'italic' },
} as const;

/** DejaVu as the slip print page loads it, so its text wraps as on this machine whatever fonts the laptop has. */
export const SANS_FACES = {
  'dejavu-sans.ttf': { file: join(DEJAVU_DIR, 'DejaVuSans.ttf'), family: 'DejaVu Sans', weight: 400 },
  'dejavu-sans-bold.ttf': { file: join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'), family: 'DejaVu Sans', weight: 700 },
  'dejavu-sans-mono-bold.ttf': { file: join(DEJAVU_DIR, 'DejaVuSansMono-Bold.ttf'), family: 'DejaVu Sans Mono', weight: 700 },
} as const;

/** Every font file the print pages may load, by name. */
export const PRINT_FONT_FILES: Record<string, string> = Object.fromEntries(
  [...Object.entries(SERIF_FACES), ...Object.entries(SANS_FACES)].map(([name, face]) => [name, face.file]),
);

/** Where the print pages load fonts from (served by routes/print-assets.ts). */
export const FONT_URL_PREFIX = '/print/fonts/';

/** The files the PDFs embed, by the names they register. */
export const FONT_FILES = {
  serif: SERIF_FACES['noto-serif-regular.ttf'].file,
  serifBold: SERIF_FACES['noto-serif-bold.ttf'].file,
  serifItalic: SERIF_FACES['noto-serif-italic.ttf'].file,
  serifBoldItalic: SERIF_FACES['noto-serif-bold-italic.ttf'].file,
  sans: SANS_FACES['dejavu-sans.ttf'].file,
  sansBold: SANS_FACES['dejavu-sans-bold.ttf'].file,
  monoBold: SANS_FACES['dejavu-sans-mono-bold.ttf'].file,
} as const;

/** @font-face rules for faces served under FONT_URL_PREFIX. */
export function fontFaceCss(faces: Record<string, { family?: string; weight: number; style?: string }>, family?: string): string {
  return Object.entries(faces)
    .map(
      ([name, face]) =>
        `@font-face { font-family: "${face.family ?? family}"; src: url("${FONT_URL_PREFIX}${name}") format("truetype"); font-weight: ${face.weight}; font-style: ${face.style ?? 'normal'}; font-display: block; }`,
    )
    .join('\n');
}
