import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/**
 * The one launcher of a real redis-server (tests and benchmarks): 127.0.0.1 on a free port, its own
 * temp dir. Durable by default (appendonly, fsync at every write) so a kill -9 loses nothing
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

const READY = 'Ready to accept connections';

function argsFor(port: number, dir: string, durable: boolean): string[] {
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

function launch(args: string[], startTimeoutMs: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server not ready after ${startTimeoutMs} ms: ${out.slice(-300)}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (out.includes(READY)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start redis-server (is it installed?): ${err.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes(READY)) reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const durable = options.durable ?? true;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'relais-redis-'));
  const args = argsFor(port, dir, durable);
  let child = await launch(args, startTimeoutMs);
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    const done = exited(child);
    child.kill(name);
    await done;
  };
  const kill = (): Promise<void> => signal('SIGKILL');
  const restart = async (): Promise<void> => {
    child = await launch(args, startTimeoutMs);
  };
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await signal('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    kill,
    restart,
    async crashAndRestart() {
      await kill();
      await restart();
    },
  };
}
