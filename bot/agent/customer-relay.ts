import { ActivityTypes, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DELIVERY_ID_FIELD, DIRECT_LINE_SERVICE_URL, type DirectLineAdapter } from '../directline/adapter';
import { isDirectLineKey, parseBotFrameworkKey } from '../channels/conversation-key';
import type { RelaisBot } from '../relais-bot';

/** The ConversationReference the bot stored in the escalation context, checked before use. */
const referenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export function readReference(value: unknown): Partial<ConversationReference> | undefined {
  const parsed = referenceSchema.safeParse(value);
  // The schema checked the fields a proactive send needs; the rest is botbuilder's own shape.
  return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : undefined;
}

/**
 * Writes to a customer outside their own turn, on the channel they came from: the local Direct
 * Line (in process, into the shared store) or a Bot Framework channel (continueConversationAsync).
 */
export class CustomerRelay {
  constructor(
    private readonly cloud: CloudAdapter,
    private readonly directLine: DirectLineAdapter,
    private readonly bot: RelaisBot,
    private readonly botAppId: string,
  ) {}

  /**
   * `deliveryId`: the same message sent again (a retry) carries the same id; the local Direct Line
   * keeps it once (its log deduplicates on it).
   */
  async say(
    reference: Partial<ConversationReference>,
    text: string,
    locale: string | undefined,
    deliveryId?: string,
  ): Promise<void> {
    await this.proactive(reference, async (context) => {
      await context.sendActivity({
        type: ActivityTypes.Message,
        text,
        ...(locale ? { locale } : {}),
        ...(deliveryId ? { channelData: { [DELIVERY_ID_FIELD]: deliveryId } } : {}),
      });
    });
  }

  /** The agent is typing: Web Chat shows its typing indicator until the message or a few seconds pass. */
  async typing(reference: Partial<ConversationReference>): Promise<void> {
    await this.proactive(reference, async (context) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
    });
  }

  /** The agent handed the conversation back: the bot says so and answers again. */
  async handBack(reference: Partial<ConversationReference>): Promise<void> {
    await this.proactive(reference, (context) => this.bot.handedBack(context));
  }

  /** Runs `logic` in a turn of the customer's conversation, on its own channel. */
  async proactive(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    // The adapters hand errors thrown in a turn to onTurnError (logged, swallowed): keep the error
    // here and throw it to the caller, so a send the channel refused is reported, not lost.
    let failure: { error: unknown } | undefined;
    const run = async (context: TurnContext): Promise<void> => {
      // Not a reply to anything: with an id, Web Chat would hold the message back 5 s.
      delete (context.activity as { id?: string }).id;
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    };
    // The conversation's key names its entry point (bot/channels/conversation-key.ts), not the
    // reference's serviceUrl, which a Bot Framework caller chose.
    const key = reference.conversation?.id ?? '';
    if (isDirectLineKey(key) && reference.serviceUrl === DIRECT_LINE_SERVICE_URL)
      await this.directLine.continueConversation(reference, run);
    else if (parseBotFrameworkKey(key))
      await this.cloud.continueConversationAsync(this.botAppId, reference, run);
    else throw new Error('the conversation reference names no channel of this bot');
    if (failure) throw failure.error;
  }
}
