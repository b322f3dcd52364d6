/** Live turnout for one session over the WebSocket, reconnecting when the link drops; and whether the server's disk is full. */
import { useEffect, useState } from 'preact/hooks';
import type { ServerMessage, Turnout } from '../../shared/protocol';

export function useLiveTurnout(sessionId: string, initial: Turnout): { turnout: Turnout; online: boolean; storageFull: boolean } {
  const [turnout, setTurnout] = useState(initial);
  const [online, setOnline] = useState(false);
  const [storageFull, setStorageFull] = useState(false);
  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
      socket.onopen = () => socket?.send(JSON.stringify({ type: 'subscribe', rid: 'console', sessionId }));
      socket.onmessage = (event) => {
        const msg = JSON.parse(String(event.data)) as ServerMessage;
        if (msg.type === 'subscribed') setOnline(true);
        if (msg.type === 'turnout' && msg.turnout.sessionId === sessionId) setTurnout(msg.turnout);
        if (msg.type === 'storage') setStorageFull(msg.full);
      };
      socket.onclose = () => {
        setOnline(false);
        if (!stopped) timer = setTimeout(connect, 2000);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [sessionId]);
  return { turnout, online, storageFull };
}
