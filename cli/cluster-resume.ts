import { z } from 'zod';
import { slotSchema } from '../bot/redis/cluster-view';
import { resumeSlotMigrations, type ResumeOutcome } from '../bot/redis/resume-migration';
import { CliError } from './cli-error';

export const CLUSTER_USAGE =
  'relais cluster resume-migration --node HOST:PORT [--node HOST:PORT…] [--slot N…] [--merge]';

const addressSchema = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be HOST:PORT')
  .transform((text) => {
    const at = text.lastIndexOf(':');
    return { host: text.slice(0, at), port: Number(text.slice(at + 1)) };
  });
const slotArgSchema = z.coerce.number().pipe(slotSchema);

export interface ClusterResumeOptions {
  readonly nodes: readonly string[];
  readonly slots: readonly string[];
  readonly merge: boolean;
}

/**
 * `relais cluster resume-migration`: finishes slot migrations a failover cut in half (see
 * bot/redis/resume-migration.ts). Exit 0 when every slot is closed, 1 while one waits for a
 * promotion or keeps keys it would not merge (run it again, or settle them by hand).
 */
export async function clusterResume(
  options: ClusterResumeOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (options.nodes.length === 0) throw new CliError(`--node is required\nusage: ${CLUSTER_USAGE}`);
  const nodes = options.nodes.map((node) => {
    const parsed = addressSchema.safeParse(node);
    if (!parsed.success)
      throw new CliError(`--node ${node}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return parsed.data;
  });
  const slots = options.slots.map((slot) => {
    const parsed = slotArgSchema.safeParse(slot);
    if (!parsed.success) throw new CliError(`--slot ${slot}: must be 0–16383`);
    return parsed.data;
  });
  // A node down or a command refused: one line, not a stack.
  const outcomes = await resumeSlotMigrations({
    nodes,
    ...(slots.length > 0 ? { slots } : {}),
    onConflict: options.merge ? 'merge' : 'refuse',
  }).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : String(error), 1);
  });
  for (const outcome of outcomes) out.write(`${describe(outcome)}\n`);
  if (outcomes.length === 0) out.write('no slot is half migrated\n');
  return outcomes.every((o) => o.state === 'finished' || o.state === 'stable') ? 0 : 1;
}

function describe(outcome: ResumeOutcome): string {
  switch (outcome.state) {
    case 'stable':
      return `slot ${outcome.slot}: not migrating`;
    case 'no-owner':
      return `slot ${outcome.slot}: no live primary claims it yet (a replica not promoted): run again`;
    default: {
      const { slot, from, to, moved, merged, conflicts } = outcome;
      const head = `slot ${slot}: ${from.host}:${from.port} → ${to.host}:${to.port}, ${moved} keys moved, ${merged.length} merged`;
      if (outcome.state === 'finished') return `${head}; closed`;
      return `${head}; left open, keys on both sides:\n${conflicts.map((c) => `  ${c.key}: ${c.reason}`).join('\n')}`;
    }
  }
}
