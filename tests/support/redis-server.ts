import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, onFreePorts } from './free-port';
import { serverArgs, startRedisProcess } from './redis-process';

/**
 * The launcher of a standalone redis-server (tests and benchmarks): 127.0.0.1 on a free port, its
 * own temp dir. Durable by default (appendonly, fsync at every write) so a kill -9 loses nothing
 * acknowledged; benchmarks ask for no persistence.
 */
export interface RedisServerOptions {
  readonly durable?: boolean;
  readonly startTimeoutMs?: number;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** SIGTERM, then the data dir is removed. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown save, connections cut at once; the server stays down until `restart`. */
  kill(): Promise<void>;
  /** Starts again on the same port and data dir (after `kill`). */
  restart(): Promise<void>;
  /** `kill` then `restart`. */
  crashAndRestart(): Promise<void>;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-redis-'));
  const { port, server } = await onFreePorts(async () => {
    const port = await freePort();
    return {
      port,
      server: await startRedisProcess(port, serverArgs(port, dir, options.durable ?? true), options),
    };
  }).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => server.kill(),
    restart: () => server.restart(),
    async crashAndRestart() {
      await server.kill();
      await server.restart();
    },
  };
}
