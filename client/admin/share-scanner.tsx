/**
 * The laptop camera reading a member's share card. getUserMedia works on http://localhost
 * (a secure context); elsewhere, or with no camera or no permission, it says so and the
 * member types the code instead. The decoder (jsQR) loads only when the camera starts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminTextKey } from '../../shared/i18n/admin';
import { t } from './state';

/** Frames examined per second: enough to feel instant, light on a small laptop. */
const SCANS_PER_SECOND = 6;
/** Frames are scaled down to this width before decoding. */
const SCAN_WIDTH = 800;

function cameraProblem(err: unknown): AdminTextKey {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'cameraDenied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'cameraNone';
  return 'cameraFailed';
}

export function ShareScanner({ onCode, onProblem }: { onCode: (code: string) => void; onProblem: (key: AdminTextKey) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [notShare, setNotShare] = useState(false);
  const [live, setLive] = useState(false);
  // The latest callbacks, so the camera loop never restarts when the parent re-renders.
  const callbacks = useRef({ onCode, onProblem });
  callbacks.current = { onCode, onProblem };

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
      if (!navigator.mediaDevices?.getUserMedia) return callbacks.current.onProblem('cameraUnavailable');
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
            if (text !== null && decoder.looksLikeShare(text)) {
              stop();
              return callbacks.current.onCode(text);
            }
            setNotShare(text !== null);
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
    <div class="scanner" data-testid="share-scanner">
      {/* Mirrored like a looking glass, so the card moves the way the hand does; frames are read unmirrored. */}
      <video ref={video} muted playsInline aria-label={t('shareScan')} />
      <p class="hint" role="status">
        {notShare ? t('shareScanNotShare') : live ? t('shareScanHint') : t('loading')}
      </p>
    </div>
  );
}
