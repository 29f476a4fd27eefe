import { ActivityTypes, type TurnContext } from 'botbuilder';
import { DIRECT_LINE_CHANNEL } from './adapter';

/**
 * Tells the web chat page that this conversation is over (resolved, and its survey finished or not
 * asked): the page keeps showing it, but the visitor's next visit (a reload, another tab) starts a
 * new one (web/chat.js). The standard Bot Framework activity, which Web Chat does not display; sent
 * on the local Direct Line only, since other channels read it as "the bot left".
 */
export async function sayConversationEnded(context: TurnContext): Promise<void> {
  if (context.activity.channelId !== DIRECT_LINE_CHANNEL) return;
  await context.sendActivity({ type: ActivityTypes.EndOfConversation, code: 'completedSuccessfully' });
}
