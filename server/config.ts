import { join, resolve } from 'node:path';
import { DEFAULT_TERMINAL_LEVEL, isLogLevel, type LogLevel } from './log-sink';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  adminPassword: string | undefined;
  /** Every log line, requests included (redacted): DATA_DIR/logs/server.log. */
  logFile: string;
  /** What the terminal shows besides the banner: LOG_LEVEL, or warnings and errors only. */
  terminalLogLevel: LogLevel;
  /** ADMIN_LAN=1: devices other than the laptop may use the console (server/plugins/laptop.ts). */
  adminLan: boolean;
}

/**
 * Read the environment: PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), ADMIN_PASSWORD,
 * LOG_LEVEL (unset: the terminal shows warnings and errors; `info` shows every request too),
 * ADMIN_LAN (1: other devices may use the console).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const level = env.LOG_LEVEL || DEFAULT_TERMINAL_LEVEL;
  if (!isLogLevel(level)) throw new Error(`LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, not ${env.LOG_LEVEL}`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    dbFile: join(dataDir, 'tinnhiem.db'),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logFile: join(dataDir, 'logs', 'server.log'),
    terminalLogLevel: level,
    adminLan: env.ADMIN_LAN === '1' || env.ADMIN_LAN === 'true',
  };
}
