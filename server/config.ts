import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  adminPassword: string | undefined;
}

/** Read the environment: PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), ADMIN_PASSWORD. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    dbFile: join(dataDir, 'tinnhiem.db'),
    adminPassword: env.ADMIN_PASSWORD || undefined,
  };
}
