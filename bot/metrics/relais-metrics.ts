import { METHODS } from 'node:http';
import { Channels } from 'botbuilder';
import type { HandoffQueue } from '../../handoff/index';
import { LOCALES } from '../../knowledge-base/index';
import { SEND_FAILURES } from '../channels/channel-send-budget';
import { HANDOFF_REASONS } from '../ports/handoff';
import { Registry, type Counter, type Histogram } from './registry';

/*
 * Every label's values, fixed here (bot/metrics/registry.ts writes anything else as `other`).
 * Request-derived ones: channel (the activity's channelId), route and method (the request line);
 * status is the server's own; decision, reason, limit and language are Relais' own vocabularies.
 */
export const CHANNEL_LABELS: readonly string[] = Object.values(Channels);
export const DECISION_LABELS = ['answer', 'clarify', 'escalate'] as const;
export const RATE_LIMIT_LABELS = ['ip', 'conversation', 'login'] as const;
/** Route patterns are the server's own (bot/http/request-observer.ts passes only matched ones). */
export const UNMATCHED_ROUTE = 'unmatched';
const STATUS_LABELS = Array.from({ length: 500 }, (_, i) => String(100 + i));

/** Seconds from escalation to an agent's claim: minutes matter, hours mean something is wrong. */
const WAIT_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];
/** Enough to count every waiting conversation of a real deployment at each scrape. */
const QUEUE_PEEK_LIMIT = 10_000;

/** The series Relais exposes at /metrics (listed in docs/operations.md). */
export interface RelaisMetrics {
  readonly registry: Registry;
  readonly turns: Counter;
  readonly decisions: Counter;
  readonly escalations: Counter;
  readonly waitSeconds: Histogram;
  readonly cesSum: Counter;
  readonly cesCount: Counter;
  readonly httpRequests: Counter;
  readonly rateLimited: Counter;
  readonly channelSendRetries: Counter;
  readonly channelSendFailures: Counter;
  readonly unavailable: Counter;
}

export function createRelaisMetrics(
  options: {
    readonly queue?: HandoffQueue;
    /** The route patterns the server serves, read when a request is counted (all are known by then). */
    readonly routes?: () => readonly string[];
  } = {},
): RelaisMetrics {
  const registry = new Registry();
  const routes = options.routes ?? (() => []);
  const metrics: RelaisMetrics = {
    registry,
    turns: registry.counter('relais_turns_total', 'Customer messages handled, by channel.', {
      channel: CHANNEL_LABELS,
    }),
    decisions: registry.counter(
      'relais_decisions_total',
      'Knowledge-base decisions, by kind (answer, clarify, escalate).',
      { decision: DECISION_LABELS },
    ),
    escalations: registry.counter('relais_escalations_total', 'Handoffs to a person asked for, by reason.', {
      reason: HANDOFF_REASONS,
    }),
    waitSeconds: registry.histogram(
      'relais_handoff_wait_seconds',
      'Time from escalation to the agent claim, in seconds.',
      WAIT_BUCKETS,
    ),
    cesSum: registry.counter(
      'relais_ces_points_sum',
      'Sum of Customer Effort Score answers (1 very easy … 5 very hard); divide by relais_ces_answers_total.',
    ),
    cesCount: registry.counter('relais_ces_answers_total', 'Customer Effort Score answers recorded.'),
    httpRequests: registry.counter(
      'relais_http_requests_total',
      'HTTP requests answered, by route, method and status.',
      { route: () => [UNMATCHED_ROUTE, ...routes()], method: METHODS, status: STATUS_LABELS },
    ),
    rateLimited: registry.counter('relais_rate_limited_total', 'Requests refused with 429, by limit.', {
      limit: RATE_LIMIT_LABELS,
    }),
    unavailable: registry.counter(
      'relais_store_unavailable_total',
      'Requests answered 503 at once because Redis was disconnected.',
    ),
    channelSendRetries: registry.counter(
      'relais_channel_send_retries_total',
      'Calls to a Bot Framework connector tried again, by what failed.',
      { reason: SEND_FAILURES },
    ),
    channelSendFailures: registry.counter(
      'relais_channel_send_failures_total',
      'Calls to a Bot Framework connector given up, by what failed last.',
      { reason: SEND_FAILURES },
    ),
  };
  const queue = options.queue;
  if (queue) {
    registry.gauge(
      'relais_handoff_queue_length',
      'Conversations waiting for a person, by language (the same on every instance: use max, not sum).',
      async () => {
        const byLanguage = new Map<string, number>();
        for (const entry of await queue.peek(QUEUE_PEEK_LIMIT)) {
          const language = entry.queue.split(':')[0] ?? 'unknown';
          byLanguage.set(language, (byLanguage.get(language) ?? 0) + 1);
        }
        return [...byLanguage].map(([language, n]) => [{ language }, n] as const);
      },
      'gauge',
      { language: LOCALES },
    );
  }
  registerProcessMetrics(registry);
  return metrics;
}

function registerProcessMetrics(registry: Registry): void {
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  registry.gauge(
    'process_cpu_seconds_total',
    'User and system CPU time spent, in seconds.',
    () => {
      const usage = process.cpuUsage();
      return [[{}, (usage.user + usage.system) / 1e6]];
    },
    'counter',
  );
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => [
    [{}, process.memoryUsage.rss()],
  ]);
  registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', () => [
    [{}, process.memoryUsage().heapUsed],
  ]);
  registry.gauge(
    'process_start_time_seconds',
    'Start time of the process since the epoch, in seconds.',
    () => [[{}, startSeconds]],
  );
}
