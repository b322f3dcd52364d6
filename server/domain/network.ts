/** Where phones can reach this laptop: what the console shows so the Wi-Fi can be checked. */
import { networkInterfaces } from 'node:os';

/** Every non-internal IPv4 address of this machine. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

/** `http://<address>:<port>` for each LAN address. */
export function lanUrls(port: number): string[] {
  return lanAddresses().map((a) => `http://${a}:${port}`);
}
