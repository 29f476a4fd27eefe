import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { toLocale, type Locale } from '../knowledge-base/index';
import type { BotDeps } from './conversation/deps';
import { routeMessage } from './conversation/route-message';
import {
  CONVERSATION_PROPERTY,
  newConversation,
  remember,
  type ConversationData,
} from './conversation/state';
import { Turn } from './conversation/turn';
import { answerInvoke } from './invokes';
import { textFor } from './text';
import { closedNow } from './requests/closed-now';
import { closedNowSentence } from './text/opening';

/** Messages shorter than this keep the conversation's language ("ok", "Oui", "2h"). */
const WORDS_TO_SWITCH_LANGUAGE = 3;

/** The Relais bot: welcome, then every customer message routed through one path. */
export class RelaisBot extends ActivityHandler {
  private readonly conversation: StatePropertyAccessor<ConversationData>;

  constructor(
    private readonly state: ConversationState,
    private readonly deps: BotDeps,
  ) {
    super();
    this.conversation = state.createProperty<ConversationData>(CONVERSATION_PROPERTY);

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some(
        (m) => m.id !== context.activity.recipient?.id,
      );
      const data = await this.conversation.get(context, newConversation());
      if (joined && !data.welcomed) {
        data.welcomed = true;
        data.locale ??= this.pageLocale(context);
        this.recordBotMessages(context, data);
        // Closed now: the welcome says so, and when support opens (the queue's own calendar).
        const closed = closedNow(deps.clock(), deps.supportHours);
        const welcome = textFor(data.locale).welcome(deps.supportHours);
        await context.sendActivity({
          type: ActivityTypes.Message,
          text: closed ? `${welcome} ${closedNowSentence(data.locale, closed)}` : welcome,
          locale: data.locale,
        });
      }
      await next();
    });

    // Only the agent who owns the conversation cares; the bot itself ignores typing.
    this.onTyping(async (context, next) => {
      await deps.handoff.customerTyping?.(context.activity.conversation.id);
      await next();
    });

    this.onMessage(async (context, next) => {
      const data = await this.conversation.get(context, newConversation());
      this.recordBotMessages(context, data);
      const text = (context.activity.text ?? '').trim();
      data.locale ??= this.pageLocale(context);
      if (text.split(/\s+/).length >= WORDS_TO_SWITCH_LANGUAGE)
        data.locale = deps.faq.detect(text, data.locale);
      const turn = new Turn(context, data, deps, data.locale, deps.identify(context.activity));
      if (text === '') {
        await turn.say(turn.text.notUnderstood);
      } else {
        remember(data, { from: 'customer', text, at: deps.clock().getTime() });
        await routeMessage(turn);
      }
      await next();
    });
  }

  /** No invoke does anything in Relais: a clear answer instead of botbuilder's 501 (see invokes.ts). */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return answerInvoke(context.activity);
  }

  /** Saves the conversation once per turn, after every handler ran. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }

  /**
   * A proactive turn once an agent handed the conversation back: the bot answers again. (A resolve
   * is a close: bot/closing/closing-service.ts.)
   */
  async handedBack(context: TurnContext): Promise<void> {
    const data = await this.conversation.get(context, newConversation());
    data.phase = 'bot';
    data.handoff = undefined;
    data.pending = undefined;
    data.misses = 0;
    const locale = data.locale ?? this.deps.faq.defaultLocale;
    this.recordBotMessages(context, data);
    await context.sendActivity({ type: ActivityTypes.Message, text: textFor(locale).handedBack, locale });
    await this.state.saveChanges(context, false);
  }

  private pageLocale(context: TurnContext): Locale {
    return toLocale(context.activity.locale) ?? this.deps.faq.defaultLocale;
  }

  /** Keeps what the bot says in the transcript an agent will read. */
  private recordBotMessages(context: TurnContext, data: ConversationData): void {
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) {
        if (a.type === ActivityTypes.Message && a.text)
          remember(data, { from: 'bot', text: a.text, at: this.deps.clock().getTime() });
      }
      return next();
    });
  }
}
