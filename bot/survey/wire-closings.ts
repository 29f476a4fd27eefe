import type { CustomerRelay } from '../agent/customer-relay';
import type { AppDeps } from '../server';
import { ProactiveClosings } from './proactive-closings';

/**
 * The ticket and silence closes, when there are agents (a queue) and a survey store: subscribed to
 * the sweeper's closed-silent feed. `stop()` unsubscribes (the server is closing).
 */
export function proactiveClosings(
  deps: AppDeps,
  relay: CustomerRelay,
): (ProactiveClosings & { stop(): void }) | undefined {
  const surveys = deps.bot.surveys;
  if (!deps.agent || !surveys) return undefined;
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
