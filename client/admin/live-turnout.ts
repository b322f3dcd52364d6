/**
 * Live turnout for one session over the console's socket (client/socket.ts): subscribed again
 * after every reconnect; whether the server's disk is full; the login page again when the
 * login ends (close 4001, or `unauthorized`); and whether this page is older than the server.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Turnout } from '../../shared/protocol';
import { createSocket, type SocketStatus } from '../socket';
import { operator } from './state';

export interface LiveTurnout {
  turnout: Turnout;
  /** Subscribed on an open socket: the numbers on screen move by themselves. */
  online: boolean;
  storageFull: boolean;
  /** The server speaks another protocol version: the page must be reloaded. */
  outdated: boolean;
}

export function useLiveTurnout(sessionId: string, initial: Turnout): LiveTurnout {
  const [turnout, setTurnout] = useState(initial);
  const [storageFull, setStorageFull] = useState(false);
  const [outdated, setOutdated] = useState(false);
  const status = useSignal<SocketStatus>('connecting');
  const subscribed = useSignal(false);
  useEffect(() => {
    const socket = createSocket({
      origin: location.origin,
      status,
      onOpen: () => {
        subscribed.value = false;
        socket.request({ type: 'subscribe', sessionId }).then(
          (reply) => {
            if (reply.type === 'subscribed') subscribed.value = true;
            else if (reply.type === 'error' && reply.code === 'unauthorized') operator.value = null;
          },
          // Lost with the socket: the next open subscribes again.
          () => {},
        );
      },
      onPush: (msg) => {
        if (msg.type === 'turnout' && msg.turnout.sessionId === sessionId) setTurnout(msg.turnout);
        else if (msg.type === 'storage') setStorageFull(msg.full);
      },
      onEnd: (end) => {
        if (end === 'logged-out') operator.value = null;
        else setOutdated(true);
      },
    });
    socket.start();
    return () => socket.close();
  }, [sessionId]);
  return { turnout, online: status.value === 'open' && subscribed.value, storageFull, outdated };
}
