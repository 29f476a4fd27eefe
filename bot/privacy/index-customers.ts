import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Customer } from '../ports/customer';
import type { CustomerConversations } from './customer-conversations';

/**
 * Adapter middleware: every incoming activity of a signed customer (the conversation's start,
 * each message) records its conversation in the customer's index before the bot handles it, so
 * an erasure finds every conversation, with or without a survey.
 */
export function indexCustomers(
  index: CustomerConversations,
  identify: (activity: Partial<Activity>) => Customer | undefined,
): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      const conversationId = activity.conversation?.id;
      if (activity.from?.role !== 'bot' && conversationId) {
        const customer = identify(activity);
        if (customer) await index.add(customer.id, { conversationId, channel: activity.channelId ?? '' });
      }
      await next();
    },
  };
}
