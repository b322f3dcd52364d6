/**
 * The ballot page's state machine, free of any UI so it can be driven against a real server
 * in Node tests. It opens the slip, follows the session's state, keeps the choices on the
 * phone, and sends the sealed ballot until the server says "recorded" — resending exactly
 * the same nonce and seal after any drop, so a ballot is never lost and never counted twice.
 */
import { DEFAULT_ADDRESS, type Address } from '../../shared/address';
import { isErrorCode } from '../../shared/errors';
import { sealCast } from '../../shared/box';
import type { BallotSessionView, ServerMessage } from '../../shared/protocol';
import { deriveSlipKey, slipProof } from '../../shared/seal';
import type { Link, SocketEvents, SocketStatus } from '../socket';
import { phaseFor, restoreMarks, TRANSIENT, type BallotState } from './ballot-state';
import { loadSlip, saveSlip, type KeyValue, type SlipRecord } from './slip-store';

export type { BallotState, Phase } from './ballot-state';

export interface ControllerOptions {
  slipId: string;
  /** From the URL fragment; null when the page was reloaded and the secret is in storage. */
  secret: string | null;
  storage: KeyValue;
  link: (events: SocketEvents) => Link;
  deriveKey?: (slipId: string, secret: string) => Promise<Uint8Array>;
  /** How often to ask for the session's state when the server cannot push it (HTTP fallback). */
  pollMs?: number;
  /** Pause before resending after a transient server error. */
  retryMs?: number;
}

export class BallotController {
  state: BallotState = { phase: 'opening', marks: {}, link: 'connecting' };
  private listeners = new Set<(s: BallotState) => void>();
  private record: SlipRecord = {};
  private key: Uint8Array | null = null;
  private link: Link | null = null;
  private casting = false;
  private openInFlight = false;
  private needsOpen = false;
  private disposed = false;
  private poll: ReturnType<typeof setInterval> | undefined;

  private readonly opts: Required<Pick<ControllerOptions, 'deriveKey' | 'pollMs' | 'retryMs'>> & ControllerOptions;

  constructor(options: ControllerOptions) {
    this.opts = { deriveKey: deriveSlipKey, pollMs: 4000, retryMs: 2000, ...options };
  }

  subscribe(listener: (s: BallotState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<BallotState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  private save(): void {
    saveSlip(this.opts.storage, this.opts.slipId, this.record);
  }

  async start(): Promise<void> {
    const { slipId } = this.opts;
    this.record = loadSlip(this.opts.storage, slipId);
    const { used, receipt, address } = this.record;
    if (address) this.set({ address });
    // This phone cast the recorded ballot (it kept the tracking code): say it was recorded,
    // never what it said. "Used" is for a slip this phone did not cast.
    if (used) return this.set(receipt ? { phase: 'recorded', receipt } : { phase: 'used' });
    // A fresh scan carries the secret; a reload finds it in storage.
    const secret = this.opts.secret || this.record.secret;
    if (!secret) return this.set({ phase: 'error', error: 'slip-secret-missing' });
    if (this.record.secret !== secret) {
      this.record = { secret };
      this.save();
    }
    if (this.record.pending) this.set({ phase: 'submitting' });
    this.key = await this.opts.deriveKey(slipId, secret);
    if (this.disposed) return;
    const self = this;
    this.link = this.opts.link({
      // The socket writes its status here, and never reads it (the page has no room for the signals library).
      status: {
        set value(link: SocketStatus) {
          self.set({ link });
        },
      },
      onOpen: () => this.sync(),
      onPush: (msg) => this.onPush(msg),
      // A page older than the server: keep the choices and any sealed ballot, ask for a reload.
      onEnd: () => {
        this.dispose();
        this.set({ phase: 'error', error: 'protocol-outdated' });
      },
    });
    this.link.start();
    this.poll = setInterval(() => {
      const waitingWithoutPush = this.state.phase === 'waiting' && !this.link!.pushing;
      if (this.needsOpen || waitingWithoutPush) void this.openSlip();
    }, this.opts.pollMs);
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.poll);
    this.link?.close();
  }

  /** Choose a level for a person, or clear it with null. Kept on the phone only. */
  mark(personId: string, levelId: string | null): void {
    if (this.state.phase !== 'ballot') return;
    const marks = { ...this.state.marks };
    if (levelId === null) delete marks[personId];
    else marks[personId] = levelId;
    this.record.marks = marks;
    this.save();
    this.set({ marks });
  }

  review(): void {
    if (this.state.phase === 'ballot') this.set({ phase: 'review' });
  }

  back(): void {
    if (this.state.phase === 'review') this.set({ phase: 'ballot' });
  }

  /**
   * Seal the ballot once to the box (fixed width, fresh ephemeral key, forgotten at once),
   * keep the sealed bytes, and send them until they are recorded.
   */
  submit(): void {
    const { session } = this.state;
    if (this.state.phase !== 'review' || !session || !session.box || !this.key) return;
    this.record.pending = sealCast(this.key, this.opts.slipId, session, this.state.marks);
    this.save();
    this.set({ phase: 'submitting' });
    void this.sendCast();
  }

  private sync(): void {
    if (this.record.pending) void this.sendCast();
    else void this.openSlip();
  }

  private async openSlip(): Promise<void> {
    if (!this.link || !this.key || this.record.pending) return;
    // An answer already on its way may predate what made us ask: ask again on the next tick.
    if (this.openInFlight) {
      this.needsOpen = true;
      return;
    }
    this.openInFlight = true;
    this.needsOpen = false;
    try {
      const reply = await this.link.request({ type: 'slip.open', slipId: this.opts.slipId, proof: slipProof(this.key) });
      this.onSlipReply(reply);
    } catch {
      // Network: the next reconnect (or poll tick, over HTTP) opens again.
      this.needsOpen = true;
    } finally {
      this.openInFlight = false;
    }
  }

  private onSlipReply(reply: ServerMessage): void {
    if (this.disposed) return;
    if (reply.type === 'error') {
      if (TRANSIENT.has(reply.code)) {
        this.needsOpen = true;
        return;
      }
      // A wrong secret or a voided slip: nothing on this phone is worth keeping.
      this.record = {};
      this.save();
      return this.set({ phase: 'error', error: reply.code, marks: {} });
    }
    if (reply.type !== 'slip') {
      this.needsOpen = true;
      return;
    }
    this.noteAddress(reply.session.address);
    if (reply.state === 'used') return this.finish('used');
    const session = reply.session;
    const marks = restoreMarks(session, { ...this.record.marks, ...this.state.marks });
    this.set({ session, marks, phase: phaseFor(session.state, this.state.phase) });
    if (session.state === 'closed') this.forgetChoices();
  }

  private onPush(msg: ServerMessage): void {
    const { session, phase } = this.state;
    if (msg.type !== 'state' || !session || msg.sessionId !== session.id) return;
    // While a ballot is being sent, its own reply decides what the page shows.
    if (phase === 'submitting' || phase === 'recorded' || phase === 'used' || phase === 'error') return;
    // Opened after a draft: the list could still change and the box's key was not yet known.
    // Read both before showing the ballot, so nothing can be marked that cannot be sealed.
    if (msg.state === 'open' && (session.state === 'draft' || !session.box)) {
      this.set({ session: { ...session, state: msg.state }, phase: 'opening' });
      void this.openSlip();
      return;
    }
    this.set({ session: { ...session, state: msg.state }, phase: phaseFor(msg.state, this.state.phase) });
    if (msg.state === 'closed') this.forgetChoices();
  }

  private async sendCast(): Promise<void> {
    if (this.casting || !this.link) return;
    this.casting = true;
    try {
      for (;;) {
        const pending = this.record.pending;
        if (!pending || this.disposed) return;
        let reply: ServerMessage;
        try {
          reply = await this.link.request({ type: 'cast', slipId: this.opts.slipId, nonce: pending.nonce, sealed: pending.sealed, auth: pending.auth });
        } catch {
          // Dropped before the reply: the same message goes again once the link is back.
          await this.link.ready(3000);
          continue;
        }
        if (reply.type === 'recorded') return this.finish('recorded');
        if (reply.type !== 'error' || TRANSIENT.has(reply.code)) {
          if (reply.type === 'error' && reply.code === 'storage-full') this.set({ retrying: reply.code });
          await new Promise((r) => setTimeout(r, this.opts.retryMs));
          continue;
        }
        if (reply.code === 'slip-used') return this.finish('used');
        // Refused and not recorded: the sealed ballot is useless now; the choices stay.
        delete this.record.pending;
        this.save();
        if (reply.code === 'session-not-open') {
          this.set({ phase: 'opening' });
          void this.openSlip();
        } else {
          this.set({ phase: 'error', error: isErrorCode(reply.code) ? reply.code : 'internal' });
        }
        return;
      }
    } finally {
      this.casting = false;
    }
  }

  /** Keep the vote's address with the slip (only when it is not the default), for screens shown from storage. */
  private noteAddress(address: Address): void {
    if (address !== DEFAULT_ADDRESS) this.record.address = address;
    else delete this.record.address;
    this.set({ address });
  }

  /**
   * The slip is spent: erase the secret, the choices and the seal; keep only "used", the
   * tracking code when this phone's cast is the one recorded, and the address.
   */
  private finish(phase: 'recorded' | 'used'): void {
    const receipt = phase === 'recorded' ? this.record.pending?.receipt : undefined;
    const { address } = this.record;
    this.record = { used: true, ...(receipt ? { receipt } : {}), ...(address ? { address } : {}) };
    this.save();
    this.key = null;
    this.set({ phase, marks: {}, retrying: undefined, ...(receipt ? { receipt } : {}) });
    this.dispose();
  }

  /** Voting ended: choices that can no longer be sent should not stay on the phone. */
  private forgetChoices(): void {
    delete this.record.marks;
    this.save();
    this.set({ marks: {} });
  }
}
