import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout this file is in, from its source (tests/support) or its build (dist/tests/support). */
function checkoutRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ENTRY = join(checkoutRoot(__dirname), 'dist', 'bot', 'index.js');

/** Support open around the clock, so a handoff queues (not a ticket) whenever the tests run. */
const ALWAYS_OPEN = { SUPPORT_DAYS: '1,2,3,4,5,6,7', SUPPORT_OPEN_HOUR: '0', SUPPORT_CLOSE_HOUR: '24' };

/** `npm start` as production runs it: `node dist/bot/index.js` in a child process of its own. */
export class RelaisProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  private exit?: { code: number | null; signal: NodeJS.Signals | null };

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.once('exit', (code, signal) => (this.exit = { code, signal }));
  }

  static async start(env: Readonly<Record<string, string>>): Promise<RelaisProcess> {
    if (!existsSync(ENTRY))
      throw new Error(`${ENTRY} is missing: run \`npm run build\` first (npm test does)`);
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        MATCHER_ENCODER: 'off',
        ...ALWAYS_OPEN,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout.push(chunk.toString());
        buffered += chunk.toString();
        const found = /Relais is listening on (http:\/\/[\d.:]+)/.exec(buffered);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) =>
        reject(new Error(`Relais exited with ${code} before listening: ${stderr.join('').slice(-1000)}`)),
      );
    });
    const relais = new RelaisProcess(child, url);
    relais.stdout.push(...stdout);
    child.stdout?.on('data', (chunk: Buffer) => relais.stdout.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => relais.stderr.push(chunk.toString()));
    relais.stderr.push(...stderr);
    return relais;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the process has exited, and how. */
  get exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exit;
  }

  /** Parsed JSON log lines written so far. */
  logLines(): Record<string, unknown>[] {
    return this.stdout
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** SIGKILL: no shutdown handler runs, connections are cut as in a crash. */
  async kill(): Promise<void> {
    if (this.exit) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait: the clean shutdown path. */
  async stop(): Promise<void> {
    if (this.exit) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }
}
