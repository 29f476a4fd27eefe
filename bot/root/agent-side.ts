import type { RedisConnection } from '../redis/connection';
import {
  HandoffSweeper,
  MemoryHandoffQueue,
  RedisHandoffQueue,
  SmtpMailer,
  type HandoffQueue,
  type SweepReport,
} from '../../handoff/index';
import { SweepFeed } from '../closing/sweep-feed';
import { MemoryEmailLinks, type EmailLinks } from '../privacy/email-links';
import { RedisEmailLinks } from '../privacy/redis-email-links';
import type { Config } from '../config';
import type { Log } from '../log';
import { loadAgentAccounts } from '../agent/accounts';
import type { AgentDeps } from '../agent/agent-api';
import { businessHoursFor } from '../agent/business-hours';
import { MemoryAgentEventBus, type AgentEventBus } from '../agent/events';
import { agentKeys, KEY_TTL_SECONDS, withinRetention } from '../../keyspace/index';
import { QueueHandoffPort } from '../agent/queue-handoff-port';
import { RedisAgentEventBus } from '../agent/redis-event-bus';
import { RedisRelayLog } from '../agent/redis-relay-log';
import { MemoryRelayLog, type RelayLog } from '../agent/relay-log';
import { RedisWaitNotices } from '../agent/redis-wait-notices';
import { RequeuedFeed } from '../agent/requeued-feed';
import { MemoryWaitNotices, type WaitNotices } from '../agent/wait-notices';
import { WaitNotifier } from '../agent/wait-notifier';
import { RedisUploadStore } from '../agent/redis-upload-store';
import { MemoryUploadStore, type UploadStore } from '../agent/upload-store';

const SWEEP_INTERVAL_MS = 5_000;

export interface BuiltAgentSide {
  readonly agent: AgentDeps;
  readonly handoff: QueueHandoffPort;
  /** What the sweeper closed: customer silence, answered tickets left quiet (the closing service subscribes). */
  readonly sweptClosings: SweepFeed;
  /**
   * One sweep now; resolves once its closes reached the feed and its
   * consequences were announced to the consoles (tests; production runs it on a timer).
   */
  sweep(): Promise<SweepReport>;
  dispose(): Promise<void>;
}

/**
 * The handoff queue, relay log and event bus: in memory, or on the given Redis connection
 * (pub/sub on a connection of its own). Starts the sweeper (claim timeouts, dead consoles).
 */
export async function buildAgentSide(
  config: Config,
  log: Log,
  clock: () => Date,
  connection?: RedisConnection,
  options: { readonly sweep?: boolean } = {},
): Promise<BuiltAgentSide> {
  const accounts = loadAgentAccounts(config);
  const handoffConfig = {
    keyPrefix: config.redisPrefix,
    businessHours: businessHoursFor(config.supportHours),
    ticketQuietMs: config.ticketQuietHours * 3_600_000,
    answerTimeoutMs: config.agentAnswerTimeoutMinutes * 60_000,
  };
  const handoffClock = { now: () => clock().getTime() };
  let queue: HandoffQueue;
  let store: RelayLog;
  let bus: AgentEventBus;
  let notices: WaitNotices;
  let uploads: UploadStore;
  const redis = connection?.client;
  if (connection && redis) {
    const keys = agentKeys(config.redisPrefix);
    queue = new RedisHandoffQueue({ redis, config: handoffConfig, clock: handoffClock });
    // No relayed line outlives the retention period (SURVEY_RETENTION_DAYS) when it is shorter.
    const relayTtl = withinRetention(KEY_TTL_SECONDS.relayLog, config.surveyRetentionDays);
    store = new RedisRelayLog(redis, keys, relayTtl, connection.durability);
    bus = await RedisAgentEventBus.start(redis, connection.subscriber(), keys.events, keys.eventIds);
    notices = new RedisWaitNotices(redis, keys);
    uploads = new RedisUploadStore(redis, keys, relayTtl);
  } else {
    queue = new MemoryHandoffQueue({ config: handoffConfig, clock: handoffClock });
    store = new MemoryRelayLog();
    bus = new MemoryAgentEventBus();
    notices = new MemoryWaitNotices();
    uploads = new MemoryUploadStore();
  }
  // As long as the data they point to may live (SURVEY_RETENTION_DAYS).
  const emailLinks: EmailLinks = redis
    ? new RedisEmailLinks(redis, {
        prefix: config.redisPrefix,
        ttlSeconds: config.surveyRetentionDays * 24 * 3600,
      })
    : new MemoryEmailLinks();
  const sweptClosings = new SweepFeed();
  const requeued = new RequeuedFeed();
  let published: Promise<void> = Promise.resolve();
  const gapMs = config.queueUpdateIntervalMs;
  const waitNotifier = new WaitNotifier({ queue, notices, gapMs, log });
  const mailer = config.smtp ? new SmtpMailer(config.smtp) : undefined;
  // What a sweep changed reaches the consoles: requeued conversations, and customers who left.
  const announce = async (report: SweepReport): Promise<void> => {
    for (const conversationId of [...report.requeued, ...report.quietTickets])
      await bus.publish({ type: 'queue-changed', conversationId });
    // The agent who left the customer unanswered is told the conversation is no longer theirs.
    for (const { conversationId, agentId } of report.unanswered)
      await bus.publish({ type: 'answer-timeout', conversationId, agentId });
    // Their customers hear that the agent left (bot/agent/presence-notices.ts).
    await requeued.publish(report.requeued);
    for (const conversationId of report.closedSilent) {
      // Only an agent's conversation concerns a console (a silent chat with the bot ends quietly).
      const agentId = (await queue.get(conversationId))?.agentId;
      if (agentId)
        await bus.publish({
          type: 'conversation-ended',
          conversationId,
          reason: 'customer-silence',
          agentId,
        });
    }
  };
  let announcing: Promise<void> = Promise.resolve();
  const sweeper = new HandoffSweeper({
    queue,
    intervalMs: SWEEP_INTERVAL_MS,
    onSweep: (report) => {
      published = sweptClosings
        .publish({ expired: report.closedSilent, quietTickets: report.quietTickets })
        .catch((err: unknown) => log.error('closing the swept conversations failed', err));
      announcing = announce(report).catch((err: unknown) => log.error('sweep announcement failed', err));
    },
    onError: (err) => log.error('handoff sweep failed', err),
  });
  if (options.sweep !== false) sweeper.start();
  return {
    agent: {
      accounts,
      queue,
      store,
      bus,
      sessionTtlSeconds: config.agentSessionTtlSeconds,
      waitNotifier,
      uploads,
      uploadMaxBytes: config.uploadMaxBytes,
      uploadQuota: config.uploadQuota,
      requeued,
      emailLinks,
      ...(mailer ? { mailer } : {}),
    },
    handoff: new QueueHandoffPort({ queue, store, bus, clock, emailLinks, waitNotices: { notices, gapMs } }),
    sweptClosings,
    sweep: async () => {
      const report = await sweeper.sweep();
      await published;
      await announcing;
      return report;
    },
    dispose: async () => {
      sweeper.stop();
      waitNotifier.stop();
      await mailer?.close();
      await bus.dispose();
      await queue.dispose();
    },
  };
}
