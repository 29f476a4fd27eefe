import type { Activity } from 'botbuilder';
import { IDENTITY_FIELD, signIdentity } from '../security/identity';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL, DIRECT_LINE_SERVICE_URL } from './adapter';
import type { DirectLineConversation } from './store';

/**
 * The activity the bot's turn sees for one posted (or stored) customer activity: the channel's
 * own fields, never the client's, and the customer's identity signed when the token carried one.
 */
export function incomingActivity(
  conversation: DirectLineConversation,
  activity: Partial<Activity>,
  tokenSecret: string,
): Partial<Activity> {
  const channelData = { ...(activity.channelData as Record<string, unknown> | undefined) };
  if (conversation.customer) channelData[IDENTITY_FIELD] = signIdentity(conversation.customer, tokenSecret);
  return {
    ...activity,
    channelId: DIRECT_LINE_CHANNEL,
    serviceUrl: DIRECT_LINE_SERVICE_URL,
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    recipient: { ...BOT_ACCOUNT },
    locale: activity.locale ?? conversation.locale,
    channelData,
  };
}
