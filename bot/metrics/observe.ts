import type { HandoffQueue } from '../../handoff/index';
import type { SurveyStore } from '../../insights/index';
import type { FaqPort } from '../conversation/deps';
import { withContext, type Log } from '../log';
import type { HandoffPort } from '../ports/handoff';
import type { RelaisMetrics } from './relais-metrics';

/*
 * Decorators that count what passes through the bot's ports and log the handoff steps with the
 * conversation (and agent) on the line. They change no result and add no Redis call on the
 * customer's path, except one read before a survey write (to count each CES answer once).
 */

export function observeFaq(faq: FaqPort, metrics: RelaisMetrics): FaqPort {
  return withOverrides(faq, {
    match: async (text: string, options?: Parameters<FaqPort['match']>[1]) => {
      const decision = await faq.match(text, options);
      metrics.decisions.inc({ decision: decision.decision });
      return decision;
    },
  });
}

export function observeHandoff(handoff: HandoffPort, metrics: RelaisMetrics, log: Log): HandoffPort {
  // Overrides only: optional members (customer typing) stay the port's own.
  return withOverrides(handoff, {
    requestHandoff: async (request) => {
      const outcome = await handoff.requestHandoff(request);
      metrics.escalations.inc({ reason: request.reason });
      withContext(log, { conversationId: request.conversationId }).info('handoff requested', {
        reason: request.reason,
        outcome: outcome.status,
      });
      return outcome;
    },
    cancelHandoff: async (conversationId) => {
      await handoff.cancelHandoff(conversationId);
      withContext(log, { conversationId }).info('handoff cancelled by the customer');
    },
    customerMessage: async (conversationId, text, messageId, options) => {
      const route = await handoff.customerMessage(conversationId, text, messageId, options);
      if (route.route === 'agent')
        withContext(log, { conversationId }).debug?.('customer message relayed to the agent');
      return route;
    },
  });
}

/** The agent side's queue: wait time at each claim, and claims/resolutions logged with the agent. */
export function observeQueue(queue: HandoffQueue, metrics: RelaisMetrics, log: Log): HandoffQueue {
  const claimed = (result: Awaited<ReturnType<HandoffQueue['claim']>>, agentId: string) => {
    if (!result.ok) return result;
    const { id, escalatedAt, claimedAt } = result.conversation;
    if (escalatedAt !== undefined && claimedAt !== undefined)
      metrics.waitSeconds.observe(Math.max(0, claimedAt - escalatedAt) / 1000);
    withContext(log, { conversationId: id, agentId }).info('conversation claimed');
    return result;
  };
  const transition =
    (what: string, step: (conversationId: string, agentId: string) => ReturnType<HandoffQueue['resolve']>) =>
    async (conversationId: string, agentId: string) => {
      const result = await step(conversationId, agentId);
      if (result.ok) withContext(log, { conversationId, agentId }).info(what);
      return result;
    };
  return withOverrides(queue, {
    claim: async (conversationId: string, agentId: string) =>
      claimed(await queue.claim(conversationId, agentId), agentId),
    claimNext: async (agentId: string) => claimed(await queue.claimNext(agentId), agentId),
    release: transition('conversation released to the queue', (c, a) => queue.release(c, a)),
    handBack: transition('conversation handed back to the bot', (c, a) => queue.handBack(c, a)),
    resolve: transition('conversation resolved', (c, a) => queue.resolve(c, a)),
    agentReplied: async (conversationId: string, agentId: string) => {
      const result = await queue.agentReplied(conversationId, agentId);
      withContext(log, { conversationId, agentId }).debug?.('agent reply relayed');
      return result;
    },
  });
}

export function observeSurveys(surveys: SurveyStore, metrics: RelaisMetrics): SurveyStore {
  return withOverrides(surveys, {
    record: async (input: Parameters<SurveyStore['record']>[0]) => {
      // The bot stores the survey after each answer: count the CES once, when it first appears.
      const before = input.ces === undefined ? undefined : await surveys.get(input.context.conversationId);
      const result = await surveys.record(input);
      if (result.ok && result.survey.ces !== undefined && before?.ces === undefined) {
        metrics.cesSum.inc({}, result.survey.ces);
        metrics.cesCount.inc();
      }
      return result;
    },
  });
}

/** The target with some methods replaced; every other member is the target's own, bound to it. */
export function withOverrides<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}
