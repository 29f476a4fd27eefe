import { ActivityTypes, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DELIVERY_ID_FIELD, DIRECT_LINE_SERVICE_URL, type DirectLineAdapter } from '../directline/adapter';
import { isDirectLineKey, parseBotFrameworkKey } from '../channels/conversation-key';
import { AGENT_SENDER_FIELD, NOTICE_FIELD, type NoticeKind } from '../directline/sender';
import type { RelaisBot } from '../relais-bot';
import { markAgentSend } from './agent-send';
import { textFor } from '../text';
import { toLocale } from '../../knowledge-base/index';

/** The ConversationReference the bot stored in the escalation context, checked before use. */
const referenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/** What the customer may know of the agent writing to them (bot/agent/accounts.ts). */
export interface CustomerFacingAgent {
  readonly id: string;
  readonly displayName: string;
}

/** A person's message: who, and whether the relay log holds it already (closing words do not). */
export interface AgentVoice {
  readonly agent: CustomerFacingAgent;
  readonly logged: boolean;
}

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
   * keeps it once (its log deduplicates on it). `voice`: a person wrote it. The local Direct Line
   * shows them as its sender (Web Chat draws their name and avatar); on a Bot Framework channel
   * every message comes from the bot's account, so the text starts with their name. The turn is
   * marked as theirs (agent-send.ts) for the history, which never matches texts.
   */
  async say(
    reference: Partial<ConversationReference>,
    text: string,
    locale: string | undefined,
    deliveryId?: string,
    voice?: AgentVoice,
  ): Promise<void> {
    const agent = voice?.agent;
    const local = this.isDirectLine(reference);
    const channelData = {
      ...(deliveryId ? { [DELIVERY_ID_FIELD]: deliveryId } : {}),
      ...(agent && local
        ? { [AGENT_SENDER_FIELD]: { id: `agent:${agent.id}`, name: agent.displayName } }
        : {}),
    };
    const shown =
      agent && !local ? textFor(toLocale(locale) ?? 'fr').agentSays(agent.displayName, text) : text;
    await this.proactive(reference, async (context) => {
      if (voice) markAgentSend(context, { agentId: voice.agent.id, text, logged: voice.logged });
      await context.sendActivity({
        type: ActivityTypes.Message,
        text: shown,
        ...(locale ? { locale } : {}),
        ...(Object.keys(channelData).length > 0 ? { channelData } : {}),
      });
    });
  }

  /**
   * A presence notice (an agent joined, left, handed back), from the bot's account with no
   * suggested actions: Web Chat withdraws the bot phase's buttons ("Revenir à l'assistant") when
   * such a message arrives. Marked as a notice on the local Direct Line only; a Bot Framework
   * channel gets the plain sentence (its channelData means something to each channel).
   */
  async notice(
    reference: Partial<ConversationReference>,
    kind: NoticeKind,
    text: string,
    locale: string,
  ): Promise<void> {
    const local = this.isDirectLine(reference);
    await this.proactive(reference, async (context) => {
      await context.sendActivity({
        type: ActivityTypes.Message,
        text,
        locale,
        ...(local ? { channelData: { [NOTICE_FIELD]: kind } } : {}),
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
    if (this.isDirectLine(reference)) await this.directLine.continueConversation(reference, run);
    else if (parseBotFrameworkKey(key))
      await this.cloud.continueConversationAsync(this.botAppId, reference, run);
    else throw new Error('the conversation reference names no channel of this bot');
    if (failure) throw failure.error;
  }

  private isDirectLine(reference: Partial<ConversationReference>): boolean {
    return (
      isDirectLineKey(reference.conversation?.id ?? '') && reference.serviceUrl === DIRECT_LINE_SERVICE_URL
    );
  }
}
