/**
 * Summarise a V8 CPU profile (`node --cpu-prof`) over a window of time: self time by category
 * (SQLite, Kysely, crypto, ws, the app, …) and the functions that spend most of it.
 * Samples are stamped on CLOCK_MONOTONIC, so a window measured in another process
 * (`monotonicUs()` there) cuts this one's profile.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** The window (CLOCK_MONOTONIC, µs), its length and the CPU time sampled in it that was not idle, in ms. */
  startUs: number;
  endUs: number;
  windowMs: number;
  busyMs: number;
  /** Self time per category, largest first; `pct` of busy time. */
  categories: { name: string; ms: number; pct: number }[];
  /** The functions with most self time. */
  top: { name: string; where: string; category: string; ms: number; pct: number }[];
}

const APP = 'app (server/, shared/)';
const URL_CATEGORIES: [RegExp, string][] = [
  [/node_modules\/better-sqlite3\//, 'SQLite (better-sqlite3)'],
  [/node_modules\/kysely\//, 'Kysely'],
  [/node_modules\/(ws|@fastify\/websocket)\//, 'ws'],
  [/node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream)\//, 'pino'],
  [/node_modules\/typebox\//, 'TypeBox'],
  [/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|ajv)/, 'Fastify'],
  [/node_modules\/@noble\/|node:crypto|internal\/crypto/, 'crypto'],
  [/node_modules\/tsx\//, 'tsx loader'],
  [/node_modules\//, 'other packages'],
  [/\/(server|shared)\/|\/build\/[\w-]+\.mjs$/, APP],
  [/^node:|^internal\//, 'Node core (net, streams, events, timers)'],
];
/** better-sqlite3's native methods: the time SQLite itself spends running a statement. */
const SQLITE_NATIVE = new Set(['run', 'get', 'all', 'iterate', 'exec', 'prepare', 'pragma']);

/**
 * better-sqlite3's statement calls from optimised code get no frame of their own: their time
 * is the caller's self time. writeCast's own JavaScript is a few comparisons around four
 * statements (and its crypto has frames), so its self time is SQLite's.
 */
function selfIsSqlite({ functionName, url }: ProfileNode['callFrame']): boolean {
  return functionName === 'writeCast' && (url.endsWith('/server/domain/cast-commit.ts') || /\/build\/[\w-]+\.mjs$/.test(url));
}

function categoryOf(node: ProfileNode, parent: string | undefined): string {
  const { functionName, url } = node.callFrame;
  if (selfIsSqlite(node.callFrame)) return 'SQLite (better-sqlite3)';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8 and native (program)';
  if (functionName === '(idle)') return 'idle';
  if (url) return URL_CATEGORIES.find(([re]) => re.test(url))?.[1] ?? 'other';
  // A native or built-in function takes its caller's category, but for these two.
  if (SQLITE_NATIVE.has(functionName)) return 'SQLite (better-sqlite3)';
  if (functionName === 'parse' || functionName === 'stringify') return 'JSON';
  return parent ?? 'other';
}

/** A script's place, short: from its package (`kysely/dist/…`) or from the repository (`server/…`). */
function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const own = /\/((server|shared|scripts)\/.*|build\/[\w-]+\.mjs)$/.exec(url);
  return own ? own[1]! : url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, window?: { startUs: number; endUs: number }, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const category = new Map<number, string>();
  const visit = (id: number, parent: string | undefined) => {
    const node = byId.get(id)!;
    const c = categoryOf(node, parent);
    category.set(id, c);
    const inherited = c === 'idle' ? undefined : selfIsSqlite(node.callFrame) ? APP : c;
    for (const child of node.children ?? []) visit(child, inherited);
  };
  visit(profile.nodes[0]!.id, undefined);

  const from = window?.startUs ?? profile.startTime;
  const to = window?.endUs ?? profile.endTime;
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]!;
    // A sample stands for the time until the next one.
    const span = profile.timeDeltas[i + 1] ?? 0;
    if (at < from || at > to) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + span);
  }
  let busyUs = 0;
  const perCategory = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const c = category.get(id)!;
    if (c === 'idle') continue;
    busyUs += us;
    perCategory.set(c, (perCategory.get(c) ?? 0) + us);
  }
  const pct = (us: number) => (busyUs > 0 ? (100 * us) / busyUs : 0);
  const perFunction = new Map<string, { name: string; where: string; category: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const c = category.get(id)!;
    if (c === 'idle') continue;
    const { functionName, url, lineNumber } = node.callFrame;
    // Files tsx compiled on the fly report line 1: their name is enough.
    const where = url ? shortUrl(url) + (lineNumber > 0 ? `:${lineNumber + 1}` : '') : '(native)';
    const key = `${functionName}@${where}@${c}`;
    const entry = perFunction.get(key) ?? { name: functionName || '(anonymous)', where, category: c, us: 0 };
    entry.us += us;
    perFunction.set(key, entry);
  }
  return {
    startUs: from,
    endUs: to,
    windowMs: (to - from) / 1000,
    busyMs: busyUs / 1000,
    categories: [...perCategory].map(([name, us]) => ({ name, ms: us / 1000, pct: pct(us) })).sort((a, b) => b.ms - a.ms),
    top: [...perFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((f) => ({ name: f.name, where: f.where, category: f.category, ms: f.us / 1000, pct: pct(f.us) })),
  };
}
