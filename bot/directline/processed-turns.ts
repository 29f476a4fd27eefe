import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** Enough to cover every message a crash can leave pending in one conversation. */
const REMEMBERED = 20;

/**
 * The ids of the last customer activities whose turn completed, kept in the conversation state.
 * The bot saves the state once at the end of a turn, so the id is recorded in the same write as
 * everything the turn changed: a turn replayed after a crash that came later (state saved, ledger
 * not yet told) is recognised and skipped, not run twice.
 */
export class ProcessedTurns {
  private readonly ids: StatePropertyAccessor<string[]>;

  constructor(state: ConversationState) {
    this.ids = state.createProperty<string[]>('relaisProcessedTurns');
  }

  async seen(context: TurnContext, activityId: string): Promise<boolean> {
    return (await this.ids.get(context, [])).includes(activityId);
  }

  /** Marks the turn as processed in the state the bot will save if (and only if) the turn completes. */
  async mark(context: TurnContext, activityId: string): Promise<void> {
    const ids = await this.ids.get(context, []);
    await this.ids.set(context, [...ids, activityId].slice(-REMEMBERED));
  }
}
