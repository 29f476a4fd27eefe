import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import type { Locale } from '../../knowledge-base/index';
import type { Customer } from '../ports/customer';
import { supportStatus, type SupportStatus } from '../requests/support-hours';
import { textFor, type BotText } from '../text';
import type { BotDeps } from './deps';
import type { ConversationData } from './state';

/** One customer message being handled: the context, the remembered conversation and the tools. */
export class Turn {
  readonly text: BotText;

  constructor(
    readonly context: TurnContext,
    readonly data: ConversationData,
    readonly deps: BotDeps,
    readonly locale: Locale,
    readonly customer: Customer | undefined,
  ) {
    this.text = textFor(locale);
  }

  get message(): string {
    return (this.context.activity.text ?? '').trim();
  }

  supportStatus(): SupportStatus {
    return supportStatus(this.deps.clock(), this.deps.supportHours);
  }

  /** Sends a message, with quick replies when given (they come back as the label's text). */
  async say(text: string, actions: readonly string[] = []): Promise<void> {
    const activity =
      actions.length > 0 ? MessageFactory.suggestedActions([...actions], text) : MessageFactory.text(text);
    activity.locale = this.locale;
    activity.type = ActivityTypes.Message;
    await this.context.sendActivity(activity);
  }
}
