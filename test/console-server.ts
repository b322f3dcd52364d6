/**
 * For the console's component tests (happy-dom): a real test server in its own Node
 * process (client/admin/test-server-process.ts), started before a file's tests and stopped
 * after, with happy-dom's page placed on its origin so the console's fetches reach it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import type { JsonRoute, RouteAnswer, RouteInputArgs } from '../shared/api-contract';
import { routeRequest } from '../shared/api-path';

export interface ConsoleTestServer {
  url: string;
  password: string;
}

export function useConsoleTestServer(ready?: (server: ConsoleTestServer) => Promise<void> | void): ConsoleTestServer {
  const server: ConsoleTestServer = { url: '', password: '' };
  let child: ChildProcess;
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'test/console-server-process.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    Object.assign(server, JSON.parse(line) as ConsoleTestServer);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${server.url}/admin`);
    await ready?.(server);
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin!.end();
    await exited;
  });
  return server;
}

/** A call to the real server with the cookie happy-dom keeps after login; throws `METHOD path: status code`. */
async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${((await res.json().catch(() => ({}))) as { error?: string }).error ?? ''}`.trim());
  return res.json();
}

/** Call a route of the HTTP contract (shared/api-contract.ts), typed by it. */
export function call<K extends JsonRoute>(route: K, ...[input]: RouteInputArgs<K>): Promise<RouteAnswer<K>> {
  const request = routeRequest(route, input);
  return send(request.method, request.path, request.body) as Promise<RouteAnswer<K>>;
}

/** A request outside the contract, for tests that send what it forbids; its answer is `unknown` unless named. */
export function raw<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  return send(method, path, body) as Promise<T>;
}
