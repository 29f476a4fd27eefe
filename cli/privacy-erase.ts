import { clientFor, ready } from '../bot/redis/connection';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../bot/config';
import { eraseCustomerData, type ErasureReport } from '../bot/reports/customer-erasure';
import { redisErasureStores } from '../bot/reports/redis-erasure-stores';
import { CliError } from './cli-error';

export const PRIVACY_USAGE = 'relais privacy erase --customer ID [--redis URL] [--prefix PREFIX]';

/** The customer ids surveys are stored under (insights' idSchema). */
const customerIdSchema = z
  .string()
  .min(1, 'is required')
  .max(200)
  .regex(/^[^\s{}]+$/, 'must not contain whitespace or braces');

export interface PrivacyEraseOptions {
  readonly customer?: string;
  readonly redis?: string;
  readonly prefix?: string;
}

/**
 * `relais privacy erase`: the erasure of DELETE /api/privacy/customers/:id, run against the
 * deployment's Redis (the server's own REDIS_URL and REDIS_PREFIX unless --redis / --prefix say
 * otherwise). There is nothing to do without Redis: the in-memory stores live in the server's process.
 */
export async function privacyErase(
  options: PrivacyEraseOptions,
  env: Readonly<Record<string, string | undefined>>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const customer = customerIdSchema.safeParse(options.customer ?? '');
  if (!customer.success)
    throw new CliError(
      `--customer: ${customer.error.issues[0]?.message ?? 'invalid'}\nusage: ${PRIVACY_USAGE}`,
    );
  let config: Config;
  try {
    config = loadConfig({
      ...env,
      ...(options.redis !== undefined ? { REDIS_URL: options.redis } : {}),
      ...(options.prefix !== undefined ? { REDIS_PREFIX: options.prefix } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
  if (!config.redis)
    throw new CliError(
      'no store to erase from: pass --redis URL or set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES (a server without Redis keeps everything in its own memory: use DELETE /api/privacy/customers/ID on it)',
    );
  const redis = clientFor(config.redis.shape, 'command');
  redis.on('error', () => undefined); // reported once below, not as an unhandled event
  try {
    try {
      await ready(redis, config.redis.shape);
    } catch (cause) {
      throw new CliError(cause instanceof Error ? cause.message : String(cause), 1);
    }
    const report = await eraseCustomerData(redisErasureStores(redis, config.redisPrefix), customer.data);
    out.write(describe(report, config.redisPrefix));
    return 0;
  } finally {
    redis.disconnect();
  }
}

function describe(r: ErasureReport, prefix: string): string {
  return [
    `customer ${r.customerId} (prefix ${prefix}): ${r.conversations} conversation(s) found`,
    `  surveys erased: ${r.surveysErased}`,
    `  conversation states erased: ${r.conversationStatesErased}`,
    `  Direct Line activities erased: ${r.directLineActivitiesErased}`,
    `  relayed lines erased: ${r.relayLinesErased}`,
    `  files sent to agents erased: ${r.uploadsErased}`,
    `  handoff records erased: ${r.handoffRecordsErased}`,
    `  history lines erased (and their index entries): ${r.historyLinesErased}`,
    `  kept, still with people (run again once closed): ${r.keptLive.length === 0 ? 'none' : r.keptLive.join(', ')}`,
    '',
  ].join('\n');
}
