/**
 * A short sound for each slip the camera reads, made with WebAudio (no sound file): a high
 * note when the slip is voided, a low double note when it is refused, so the operator can
 * keep their eyes on the slips. Browsers allow sound only after a click: `primeBeep` runs in
 * the click that starts the camera.
 */
let context: AudioContext | null = null;

/** Create (or wake) the audio context; call from a click. Silent where WebAudio is missing. */
export function primeBeep(): void {
  const Context = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Context) return;
  context ??= new Context();
  if (context.state === 'suspended') void context.resume();
}

function tone(at: number, frequency: number, seconds: number): void {
  const ctx = context!;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  // A quick rise and fall, so the note does not click.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.25, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds + 0.02);
}

/** One beep: 'ok' for a slip voided, 'refused' for one the server would not void. */
export function beep(kind: 'ok' | 'refused'): void {
  if (!context) return;
  const now = context.currentTime;
  if (kind === 'ok') tone(now, 1320, 0.12);
  else {
    tone(now, 330, 0.14);
    tone(now + 0.18, 262, 0.2);
  }
}
