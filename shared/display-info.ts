/**
 * What the projector page learns about a vote when it opens, from
 * `GET /api/display/:sessionId` with its key in the `x-display-key` header.
 * Static facts and turnout only: per-person counts reach a display solely as a `results`
 * message over the WebSocket, once the server allows it.
 */
import type { BaseId, Level, Text } from './presets';
import type { Turnout } from './protocol';

export interface DisplayInfo {
  id: string;
  title: string;
  organisation: string;
  place: string;
  heldOn: string;
  presetName: Text;
  kind: 'lay-phieu' | 'bo-phieu';
  levels: Level[];
  base: { id: BaseId; label: Text };
  liveResults: boolean;
  /** The phone box is sealed to the tally committee (the default): no results until it is opened. */
  sealed: boolean;
  /** The sealed box has been opened: its tracking codes are public at `/r/<id>`. */
  boxOpened: boolean;
  /** The opened box's fingerprint, as the minutes print it (null until then, and for an unsealed box). */
  fingerprint: string | null;
  /**
   * `http://<LAN address>:<port>` of the laptop, for the QR of a display opened on the
   * laptop itself (a phone cannot reach `localhost`); null when it has no LAN address.
   */
  lanOrigin: string | null;
  turnout: Turnout;
  /** The server's clock (ISO), so a display on another laptop times the vote right. */
  now: string;
}
