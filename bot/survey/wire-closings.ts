import type { CloudAdapter } from 'botbuilder';
import { CustomerRelay } from '../agent/customer-relay';
import type { DirectLineAdapter } from '../directline/adapter';
import type { RelaisBot } from '../relais-bot';
import type { AppDeps } from '../server';
import { ProactiveClosings } from './proactive-closings';

/**
 * The ticket and silence closes, when there are agents (a queue) and a survey store: subscribed to
 * the sweeper's closed-silent feed. `stop()` unsubscribes (the server is closing).
 */
export function proactiveClosings(
  deps: AppDeps,
  runtime: {
    readonly adapter: CloudAdapter;
    readonly directLineAdapter: DirectLineAdapter;
    readonly bot: RelaisBot;
    readonly appId: string | undefined;
  },
): (ProactiveClosings & { stop(): void }) | undefined {
  const surveys = deps.bot.surveys;
  if (!deps.agent || !surveys) return undefined;
  const relay = new CustomerRelay(
    runtime.adapter,
    runtime.directLineAdapter,
    runtime.bot,
    runtime.appId ?? '',
  );
  const closings = new ProactiveClosings({
    queue: deps.agent.queue,
    relay,
    storage: deps.storage,
    bot: { ...deps.bot, surveys },
    log: deps.log,
  });
  const unsubscribe = deps.closedSilent?.subscribe((ids) => closings.closedSilent(ids));
  return Object.assign(closings, { stop: () => void unsubscribe?.() });
}
