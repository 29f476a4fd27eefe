import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../bench/support/redis-server';

export { freePort };

/** A real redis-server for tests: free port, own temp dir, appendonly so a kill -9 loses nothing acknowledged. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  stop(): Promise<void>;
  /** SIGKILL then start again on the same port and data dir. */
  crashAndRestart(): Promise<void>;
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--protected-mode',
        'no',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.on('error', (err) => reject(new Error(`cannot start redis-server: ${err.message}`)));
    child.on('exit', (code) => {
      if (!out.includes('Ready to accept connections')) {
        reject(new Error(`redis-server exited with ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'relais-redis-'));
  let child = await launch(port, dir);
  const waitExit = (c: ChildProcess): Promise<void> =>
    new Promise((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
    });
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await waitExit(child);
      rmSync(dir, { recursive: true, force: true });
    },
    async crashAndRestart() {
      child.kill('SIGKILL');
      await waitExit(child);
      child = await launch(port, dir);
    },
  };
}
