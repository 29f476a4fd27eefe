import type { Redis } from 'ioredis';

/** Calls and server microseconds of one command, from `INFO commandstats`. */
interface CommandStat {
  readonly calls: number;
  readonly usec: number;
}

async function commandStats(redis: Redis): Promise<Map<string, CommandStat>> {
  const info = await redis.info('commandstats');
  const stats = new Map<string, CommandStat>();
  // cmdstat_evalsha:calls=10000,usec=250000,usec_per_call=25.00,...
  for (const m of info.matchAll(/^cmdstat_([\w|]+):calls=(\d+),usec=(\d+)/gm)) {
    stats.set(m[1] ?? '', { calls: Number(m[2]), usec: Number(m[3]) });
  }
  return stats;
}

/**
 * Server time per call of `command` while `phase` runs: the difference of two `INFO commandstats`
 * readings (the time Redis spent executing, script included, without network or client time).
 * The phase must be the only user of that command on the server meanwhile.
 */
export async function serverTimePerCall<T>(
  redis: Redis,
  command: string,
  phase: () => Promise<T>,
): Promise<{ result: T; usecPerCall: number; calls: number }> {
  const before = (await commandStats(redis)).get(command) ?? { calls: 0, usec: 0 };
  const result = await phase();
  const after = (await commandStats(redis)).get(command) ?? { calls: 0, usec: 0 };
  const calls = after.calls - before.calls;
  return { result, calls, usecPerCall: calls > 0 ? (after.usec - before.usec) / calls : 0 };
}
