import type { Redis } from 'ioredis';
import {
  HandoffSweeper,
  MemoryHandoffQueue,
  RedisHandoffQueue,
  type HandoffQueue,
  type SweepReport,
} from '../../handoff/index';
import { ClosedSilentFeed } from '../survey/closed-silent-feed';
import type { Config } from '../config';
import type { Log } from '../log';
import { loadAgentAccounts } from './accounts';
import type { AgentDeps } from './agent-api';
import { businessHoursFor } from './business-hours';
import { MemoryAgentEventBus, type AgentEventBus } from './events';
import { agentKeys } from './keys';
import { QueueHandoffPort } from './queue-handoff-port';
import { RedisAgentEventBus } from './redis-event-bus';
import { RedisRelayStore } from './redis-relay-store';
import { MemoryRelayStore, type RelayStore } from './relay-store';

const RELAY_LOG_TTL_SECONDS = 7 * 24 * 3600;
const SWEEP_INTERVAL_MS = 5_000;

export interface BuiltAgentSide {
  readonly agent: AgentDeps;
  readonly handoff: QueueHandoffPort;
  /** Conversations the sweeper closed on customer silence (the survey recorder subscribes). */
  readonly closedSilent: ClosedSilentFeed;
  /** One sweep now, its closed-silent conversations handed to the feed before it resolves. */
  sweep(): Promise<SweepReport>;
  dispose(): Promise<void>;
}

/**
 * The handoff queue, relay store and event bus: in memory, or on the given Redis connection
 * (pub/sub on a connection of its own). Starts the sweeper (claim timeouts, dead consoles).
 */
export async function buildAgentSide(
  config: Config,
  log: Log,
  clock: () => Date,
  redis?: Redis,
  options: { readonly sweep?: boolean } = {},
): Promise<BuiltAgentSide> {
  const accounts = loadAgentAccounts(config);
  const handoffConfig = {
    keyPrefix: config.redisPrefix,
    businessHours: businessHoursFor(config.supportHours),
  };
  const handoffClock = { now: () => clock().getTime() };
  let queue: HandoffQueue;
  let store: RelayStore;
  let bus: AgentEventBus;
  if (redis) {
    const keys = agentKeys(config.redisPrefix);
    queue = new RedisHandoffQueue({ redis, config: handoffConfig, clock: handoffClock });
    // No relayed line outlives the retention period (SURVEY_RETENTION_DAYS) when it is shorter.
    store = new RedisRelayStore(
      redis,
      keys,
      Math.min(RELAY_LOG_TTL_SECONDS, config.surveyRetentionDays * 24 * 3600),
    );
    bus = await RedisAgentEventBus.start(redis, keys.events);
  } else {
    queue = new MemoryHandoffQueue({ config: handoffConfig, clock: handoffClock });
    store = new MemoryRelayStore();
    bus = new MemoryAgentEventBus();
  }
  const closedSilent = new ClosedSilentFeed();
  let published: Promise<void> = Promise.resolve();
  const sweeper = new HandoffSweeper({
    queue,
    intervalMs: SWEEP_INTERVAL_MS,
    onSweep: (report) => {
      published = closedSilent
        .publish(report.closedSilent)
        .catch((err: unknown) => log.error('recording conversations closed on silence failed', err));
    },
    onError: (err) => log.error('handoff sweep failed', err),
  });
  if (options.sweep !== false) sweeper.start();
  return {
    agent: { accounts, queue, store, bus, sessionTtlSeconds: config.agentSessionTtlSeconds },
    handoff: new QueueHandoffPort({ queue, store, bus, clock }),
    closedSilent,
    sweep: async () => {
      const report = await sweeper.sweep();
      await published;
      return report;
    },
    dispose: async () => {
      sweeper.stop();
      await bus.dispose();
      await queue.dispose();
    },
  };
}
