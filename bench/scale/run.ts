import { RelaisProcess } from '../../tests/support/relais-process';
import { drive } from '../load/drive';
import { customerScripts } from '../load/scripts';
import { summarize } from '../load/stats';
import { table } from '../support/table';
import { keyCensus } from './key-census';
import { startTopology, type Topology } from './topologies';

/**
 * `npm run bench:scale [-- --quick]`: turns/s and p99 of 1, 2 and 3 Relais processes on one Redis
 * of each shape (one server, Sentinel: primary + replica + 3 sentinels, Cluster: 3 primaries + 3
 * replicas), customers spread over the instances request by request (a balancer, no stickiness).
 */
const QUICK = process.argv.includes('--quick');
const CUSTOMERS = 50;
const RUN_MS = QUICK ? 4_000 : 10_000;
const ALL_SHAPES: readonly Topology['shape'][] = ['server', 'sentinel', 'cluster'];
/** `--shape server` (or sentinel, cluster): that shape only. */
const ONLY = process.argv[process.argv.indexOf('--shape') + 1];
const SHAPES = process.argv.includes('--shape') ? ALL_SHAPES.filter((s) => s === ONLY) : ALL_SHAPES;
if (SHAPES.length === 0) throw new Error(`--shape: one of ${ALL_SHAPES.join(', ')}`);
const INSTANCES = [1, 2, 3] as const;
const SCRIPTS = customerScripts();
const note = (message: string) => process.stderr.write(`[bench:scale] ${message}\n`);

interface Row {
  readonly shape: string;
  readonly instances: number;
  readonly turns: number;
  readonly turnsPerS: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly conversations: number;
}

async function measure(topology: Topology, instances: number, prefix: string): Promise<Row> {
  const env = {
    ...topology.env,
    REDIS_PREFIX: prefix,
    TOKEN_SECRET: 'bench-scale-token-secret-shared-by-instances',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
  };
  const processes = await Promise.all(Array.from({ length: instances }, () => RelaisProcess.start(env)));
  try {
    let next = 0;
    const balancer = () => processes[next++ % processes.length]!.url;
    note(`${topology.shape}: ${instances} instance(s), ${CUSTOMERS} customers, ${RUN_MS / 1000} s…`);
    const r = await drive({
      baseUrl: balancer,
      concurrency: CUSTOMERS,
      durationMs: RUN_MS,
      maxConversations: Number.MAX_SAFE_INTEGER,
      messages: (n) => SCRIPTS.scriptFor(n),
      think: () => 0,
      label: `${topology.shape}-${instances}`,
    });
    if (r.failures > 0) note(`  ${r.failures} customers failed, first: ${r.firstFailure}`);
    const s = summarize(r.latencies);
    return {
      shape: topology.shape,
      instances,
      turns: s.turns,
      turnsPerS: Math.round((s.turns / r.elapsedMs) * 10_000) / 10,
      p50: s.p50_ms,
      p99: s.p99_ms,
      errors: r.failures + r.unanswered,
      conversations: r.conversations,
    };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  let census: { perTenThousand: Record<string, number>; unknown: string[] } | undefined;
  for (const shape of SHAPES) {
    const topology = await startTopology(shape);
    try {
      for (const instances of INSTANCES) {
        const prefix = `bench-scale-${instances}`;
        const row = await measure(topology, instances, prefix);
        rows.push(row);
        if (topology.url && instances === 1) {
          const c = await keyCensus(topology.url, prefix);
          const per = (bytes: number) => Math.round(((bytes / row.conversations) * 10_000) / 2 ** 20);
          census = {
            perTenThousand: Object.fromEntries(Object.entries(c.bytes).map(([slot, b]) => [slot, per(b)])),
            unknown: c.unknown.slice(0, 5),
          };
        }
      }
    } finally {
      await topology.stop();
    }
  }
  const one = (shape: string) => rows.find((r) => r.shape === shape && r.instances === 1)!;
  process.stdout.write(
    `${table([
      ['shape', 'instances', 'conversations', 'turns', 'turns/s', 'x vs 1', 'p50 ms', 'p99 ms', 'errors'],
      ...rows.map((r) => [
        r.shape,
        r.instances,
        r.conversations,
        r.turns,
        r.turnsPerS,
        Math.round((r.turnsPerS / one(r.shape).turnsPerS) * 100) / 100,
        r.p50,
        r.p99,
        r.errors,
      ]),
    ])}\n`,
  );
  if (census) {
    process.stdout.write(
      `\nRedis memory per 10,000 conversations of this script (3 turns each), by slot kind, MiB:\n${table([
        ['slot kind', 'MiB'],
        ...Object.entries(census.perTenThousand).map(([slot, mib]) => [slot, mib]),
      ])}\n${census.unknown.length > 0 ? `keys matching no family: ${census.unknown.join(', ')}\n` : ''}`,
    );
  }
  process.stdout.write(
    '\n2 cores run the driver, every Relais process and every Redis node: more instances share the same CPU, so this shows the cost of each shape and that instances add no errors, not scaling.\n',
  );
  const figures: Record<string, number> = {};
  for (const r of rows) {
    figures[`${r.shape}_${r.instances}_turns_per_s`] = r.turnsPerS;
    figures[`${r.shape}_${r.instances}_p99_ms`] = r.p99;
    figures[`${r.shape}_${r.instances}_errors`] = r.errors;
  }
  if (census)
    for (const [slot, mib] of Object.entries(census.perTenThousand))
      figures[`${slot.replace(' ', '_')}_mib_per_10k_conversations`] = mib;
  process.stdout.write(
    `${JSON.stringify({ bench: 'scale', quick: QUICK, customers: CUSTOMERS, ...figures })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:scale] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
