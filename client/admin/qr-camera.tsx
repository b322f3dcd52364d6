/**
 * The laptop camera reading QR codes, for a member's share card (share-scanner.tsx) and the
 * leftover slips (slip-scanner.tsx). getUserMedia works only in a secure context, which
 * http://localhost on the server laptop is; elsewhere, or with no camera or no permission,
 * it says which and the operator types the code instead. The decoder (jsQR) loads only when
 * the camera starts.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Why the camera cannot be used. */
export type CameraProblem = 'denied' | 'none' | 'unavailable' | 'failed';

/** Frames examined per second: enough to feel instant, light on a small laptop. */
const SCANS_PER_SECOND = 6;
/** Frames are scaled down to this width before decoding. */
const SCAN_WIDTH = 800;

/** Whether this page may ask for the camera at all (a secure context with getUserMedia). */
export function cameraAvailable(): boolean {
  // Browsers hide mediaDevices outside a secure context; isSecureContext says so outright.
  return typeof window !== 'undefined' && window.isSecureContext !== false && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

function cameraProblem(err: unknown): CameraProblem {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'none';
  return 'failed';
}

/**
 * The camera running while mounted: `onText` is called with the text of every QR read (the
 * same code again on every frame it stays in view); returning 'stop' turns the camera off.
 */
export function QrCamera({
  onText,
  onProblem,
  label,
  testId,
  status,
}: {
  onText: (text: string) => 'stop' | void;
  onProblem: (problem: CameraProblem) => void;
  label: string;
  testId: string;
  /** What to say under the picture, once the camera is live or while it starts. */
  status: (live: boolean) => ComponentChildren;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  // The latest callbacks, so the camera loop never restarts when the parent re-renders.
  const callbacks = useRef({ onText, onProblem });
  callbacks.current = { onText, onProblem };

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    void (async () => {
      if (!cameraAvailable()) return callbacks.current.onProblem('unavailable');
      try {
        const [media, decoder] = await Promise.all([
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false }),
          import('./qr-decode'),
        ]);
        stream = media;
        if (stopped) return stop();
        const el = video.current!;
        el.srcObject = media;
        await el.play();
        setLive(true);
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true });
        if (!context) throw new Error('no 2d canvas');
        const scan = () => {
          if (stopped) return;
          if (el.videoWidth > 0) {
            const scale = Math.min(1, SCAN_WIDTH / el.videoWidth);
            canvas.width = Math.round(el.videoWidth * scale);
            canvas.height = Math.round(el.videoHeight * scale);
            context.drawImage(el, 0, 0, canvas.width, canvas.height);
            const text = decoder.decodeQr(context.getImageData(0, 0, canvas.width, canvas.height));
            if (text !== null && callbacks.current.onText(text) === 'stop') return stop();
          }
          timer = setTimeout(scan, 1000 / SCANS_PER_SECOND);
        };
        scan();
      } catch (err) {
        stop();
        callbacks.current.onProblem(cameraProblem(err));
      }
    })();
    return stop;
  }, []);

  return (
    <div class="scanner" data-testid={testId}>
      {/* Mirrored like a looking glass, so the card moves the way the hand does; frames are read unmirrored. */}
      <video ref={video} muted playsInline aria-label={label} />
      <p class="hint" role="status">
        {status(live)}
      </p>
    </div>
  );
}
