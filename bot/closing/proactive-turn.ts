import { ActivityTypes, ConversationState, type StatePropertyAccessor, type Storage } from 'botbuilder';
import type { ConversationRecord } from '../../handoff/index';
import { toLocale } from '../../knowledge-base/index';
import { readReference, type CustomerRelay } from '../agent/customer-relay';
import type { BotDeps } from '../conversation/deps';
import {
  CONVERSATION_PROPERTY,
  newConversation,
  remember,
  type ConversationData,
} from '../conversation/state';
import { Turn } from '../conversation/turn';
import type { Log } from '../log';

/**
 * A turn in the customer's conversation outside their own message (a close decided elsewhere),
 * with the conversation state RelaisBot keeps, loaded and saved around `work`.
 */
export class ProactiveTurns {
  private readonly state: ConversationState;
  private readonly conversation: StatePropertyAccessor<ConversationData>;

  constructor(
    private readonly deps: {
      readonly relay: Pick<CustomerRelay, 'proactive'>;
      readonly storage: Storage;
      readonly bot: BotDeps;
      readonly log: Log;
    },
  ) {
    this.state = new ConversationState(deps.storage);
    this.conversation = this.state.createProperty<ConversationData>(CONVERSATION_PROPERTY);
  }

  /** Runs `work` in the conversation of `record`; false when that was impossible (logged). */
  async run(record: ConversationRecord, work: (turn: Turn) => Promise<void>): Promise<boolean> {
    const reference = readReference(record.context.reference);
    if (!reference) return false;
    // Caught inside the turn: the adapter would otherwise hand it to onTurnError, which answers
    // with an apology on the very channel that just refused, and we could not tell it failed.
    let failure: unknown;
    try {
      await this.deps.relay.proactive(reference, async (context) => {
        try {
          const data = await this.conversation.get(context, newConversation());
          const locale = data.locale ?? toLocale(record.language) ?? this.deps.bot.faq.defaultLocale;
          // What the bot says here belongs to the transcript an agent reads, as in its own turns.
          context.onSendActivities(async (_ctx, activities, next) => {
            for (const a of activities)
              if (a.type === ActivityTypes.Message && a.text)
                remember(data, { from: 'bot', text: a.text, at: this.deps.bot.clock().getTime() });
            return next();
          });
          await work(new Turn(context, data, this.deps.bot, locale, undefined));
          await this.state.saveChanges(context, false);
        } catch (error) {
          failure = error ?? new Error('closing turn failed');
        }
      });
    } catch (error) {
      failure = error ?? new Error('closing turn failed');
    }
    if (failure === undefined) return true;
    this.deps.log.error(
      `conversation ${record.id}: the closing turn failed; recorded from the queue`,
      failure,
    );
    return false;
  }
}
