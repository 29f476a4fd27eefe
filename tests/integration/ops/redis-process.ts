import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/redis-server';

/**
 * A redis-server of one test's own (appendonly, fsync at every write) that can be killed -9 and
 * left down for a while before it comes back on the same port with the same data: an outage.
 */
export class RedisProcess {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort(), mkdtempSync(join(tmpdir(), 'relais-outage-')));
    await redis.launch();
    return redis;
  }

  /** SIGKILL: no shutdown save, connections cut at once. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async launch(): Promise<void> {
    this.child = await new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(this.port),
          '--bind',
          '127.0.0.1',
          '--dir',
          this.dir,
          '--appendonly',
          'yes',
          '--appendfsync',
          'always',
          '--save',
          '',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          child.stdout?.off('data', onData);
          child.stdout?.resume();
          resolve(child);
        }
      };
      child.stdout?.on('data', onData);
      child.on('error', reject);
      child.on('exit', (code) => {
        if (!out.includes('Ready to accept connections'))
          reject(new Error(`redis-server exited with ${code}: ${out.slice(-300)}`));
      });
    });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
