/**
 * What Chromium's fake camera plays (`--use-file-for-fake-video-capture=file.y4m`): a Y4M
 * video, a one-line header and raw 4:2:0 frames, written from grey pictures. Colour is left
 * neutral (U = V = 128); QR codes need only the light. Chromium loops the file.
 */
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser';

export const FRAME = { width: 640, height: 480 };

/** A Y4M file of `frames` (each width×height luma bytes, video range 16–235) at `fps`. */
export function y4mVideo(frames: Buffer[], { width, height } = FRAME, fps = 10): Buffer {
  const chroma = Buffer.alloc((width * height) / 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const luma of frames) {
    if (luma.length !== width * height) throw new Error(`a frame of ${luma.length} bytes, not ${width * height}`);
    parts.push(Buffer.from('FRAME\n'), luma, chroma);
  }
  return Buffer.concat(parts);
}

/** A blank sheet of paper in front of the camera. */
export function blankFrame({ width, height } = FRAME): Buffer {
  return Buffer.alloc(width * height, 235);
}

/** A card showing the QR of `text`, dark on white, drawn from `qrcode`'s modules. */
export function qrFrame(text: string, modulePx = 9, { width, height } = FRAME): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const luma = blankFrame({ width, height });
  const left = Math.floor((width - modules.size * modulePx) / 2);
  const top = Math.floor((height - modules.size * modulePx) / 2);
  for (let y = 0; y < modules.size * modulePx; y++) {
    for (let x = 0; x < modules.size * modulePx; x++) {
      if (modules.get(Math.floor(y / modulePx), Math.floor(x / modulePx))) luma[(top + y) * width + left + x] = 16;
    }
  }
  return luma;
}

/**
 * A photograph (PNG, e.g. a screenshot of a printed slip) as a camera frame: fitted on a
 * white background and turned to luma in `page` (any page: it draws on an offscreen canvas).
 */
export async function photoFrame(page: Page, png: Buffer, { width, height } = FRAME): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ src, width, height }) => {
      // From bytes, not fetch(data:…): the app's CSP (connect-src) rightly refuses that fetch.
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(src), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, width, height);
      const scale = Math.min((width * 0.94) / bitmap.width, (height * 0.94) / bitmap.height);
      const [w, h] = [bitmap.width * scale, bitmap.height * scale];
      g.drawImage(bitmap, (width - w) / 2, (height - h) / 2, w, h);
      const { data } = g.getImageData(0, 0, width, height);
      const luma = new Uint8Array(width * height);
      for (let i = 0; i < luma.length; i++) luma[i] = Math.round(16 + (219 * (0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!)) / 255);
      let bytes = '';
      for (let i = 0; i < luma.length; i += 0x8000) bytes += String.fromCharCode(...luma.subarray(i, i + 0x8000));
      return btoa(bytes);
    },
    { src: png.toString('base64'), width, height },
  );
  return Buffer.from(b64, 'base64');
}

/** A Chromium whose camera plays `video` (the permission prompt answered yes). */
export function launchWithCamera(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
}
