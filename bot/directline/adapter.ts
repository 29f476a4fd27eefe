import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { withoutMarkdownImages } from './markdown-images';
import { agentFrom } from './sender';
import type { DirectLineStore } from './store';

export const DIRECT_LINE_CHANNEL = 'webchat';
/** Not a URL anyone calls: replies never leave the process, they are written to the store. */
export const DIRECT_LINE_SERVICE_URL = 'urn:relais:directline';
export const BOT_ACCOUNT = { id: 'relais', name: 'Relais', role: 'bot' } as const;
/** channelData field of a message that may be sent again (agent relay retry): kept once in the log. */
export const DELIVERY_ID_FIELD = 'relaisDeliveryId';
/**
 * turnState key holding the stored customer activity a turn answers: its replies are appended
 * under "turn:<activity id>:<n>", so a turn run again after a crash does not repeat them.
 */
export const LEDGER_TURN = Symbol('relais.ledgerTurn');
const REPLIES_SENT = Symbol('relais.repliesSent');

/**
 * A botbuilder adapter for the local Direct Line: a turn runs in process and the bot's replies
 * are appended to the conversation's activity log, where the client polls them. No HTTP hop to
 * ourselves and no Bot Framework token, whatever credentials /api/messages uses.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly clock: () => Date,
  ) {
    super();
  }

  async processActivity(
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // Typing delays and invoke responses are for real connectors; there is nothing to store.
      if (activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const deliveryId = (activity.channelData as Record<string, unknown> | undefined)?.[DELIVERY_ID_FIELD];
      const { activity: stored } = await this.store.append(
        conversationId,
        {
          ...activity,
          ...(typeof activity.text === 'string' ? { text: withoutMarkdownImages(activity.text) } : {}),
          channelId: DIRECT_LINE_CHANNEL,
          conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
          // The bot, or the agent the relay named (bot/directline/sender.ts).
          from: agentFrom(activity.channelData) ?? { ...BOT_ACCOUNT },
          timestamp: this.clock(),
          serviceUrl: undefined,
        },
        typeof deliveryId === 'string' ? `delivery:${deliveryId}` : replyKey(context),
      );
      responses.push({ id: stored.id });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('the local Direct Line does not support updating activities');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the local Direct Line does not support deleting activities');
  }

  /** Proactive messages (an agent's reply relayed later) for a conversation of this channel. */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    // A proactive message is not a reply: without an id, Web Chat shows it at once.
    delete activity.id;
    delete activity.replyToId;
    await this.processActivity(activity, logic);
  }
}

/** The next reply's key in a ledger turn (undefined outside one). */
function replyKey(context: TurnContext): string | undefined {
  const turn: unknown = context.turnState.get(LEDGER_TURN);
  if (typeof turn !== 'string') return undefined;
  const sent = (context.turnState.get(REPLIES_SENT) as number | undefined) ?? 0;
  context.turnState.set(REPLIES_SENT, sent + 1);
  return `turn:${turn}:${sent}`;
}
