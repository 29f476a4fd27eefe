import { spawn, type ChildProcess } from 'node:child_process';

/**
 * One redis-server process (plain, cluster node or sentinel) that the test launchers own: spawned
 * with fixed args, ready once its log says so, and restartable with the same args (same port, same
 * dir) after a kill, as a crashed server would be brought back.
 */
export interface RedisProcess {
  readonly port: number;
  /** False once it has exited (killed, stopped or crashed). */
  alive(): boolean;
  /** SIGTERM and wait for the exit (a no-op when it is already down). */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown save, connections cut at once; it stays down until `restart`. */
  kill(): Promise<void>;
  /** Starts again with the same args (after `kill` or `stop`). */
  restart(): Promise<void>;
}

/** What a plain server and a sentinel print once they accept connections. */
export const SERVER_READY = 'Ready to accept connections';
export const SENTINEL_READY = 'Sentinel ID is';

/**
 * The args every data node shares: 127.0.0.1 only, its own dir, no RDB snapshots. Durable means
 * appendonly with fsync at every write, so a kill -9 loses nothing acknowledged.
 */
export function serverArgs(port: number, dir: string, durable: boolean): string[] {
  const persistence = durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    ...persistence,
    '--save',
    '',
    '--protected-mode',
    'no',
  ];
}

/**
 * For the nodes of a replicated shape: a replica syncs at once (7.0's diskless sync waits 5 s for
 * more replicas by default) and a stopping primary does not wait for its replicas (teardown only).
 */
export const REPLICATION_ARGS: readonly string[] = [
  '--repl-diskless-sync-delay',
  '0',
  '--shutdown-timeout',
  '0',
];

function launch(args: readonly string[], readyLine: string, startTimeoutMs: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server not ready after ${startTimeoutMs} ms: ${out.slice(-300)}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (ready || !out.includes(readyLine)) return;
      ready = true;
      clearTimeout(timer);
      // Keep draining the log so a chatty server never blocks on a full pipe.
      child.stdout?.off('data', onData).resume();
      child.stderr?.off('data', onData).resume();
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start redis-server (is it installed?): ${err.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

function isDown(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (isDown(child)) return resolve();
    child.once('exit', () => resolve());
  });
}

export interface RedisProcessOptions {
  readonly readyLine?: string;
  readonly startTimeoutMs?: number;
}

export async function startRedisProcess(
  port: number,
  args: readonly string[],
  options: RedisProcessOptions = {},
): Promise<RedisProcess> {
  const readyLine = options.readyLine ?? SERVER_READY;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  let child = await launch(args, readyLine, startTimeoutMs);
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    const done = exited(child);
    child.kill(name);
    await done;
  };
  return {
    port,
    alive: () => !isDown(child),
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    async restart() {
      if (!isDown(child)) throw new Error(`redis-server on ${port} is still running`);
      child = await launch(args, readyLine, startTimeoutMs);
    },
  };
}
