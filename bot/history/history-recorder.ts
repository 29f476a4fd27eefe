import { AsyncLocalStorage } from 'node:async_hooks';
import { withContext, type Log } from '../log';
import type { HistoryFacts, HistoryStore, NewHistoryLine } from './history-store';

/**
 * The one writer of the history: the adapters' middleware and the port decorators call it. A
 * history write that fails is logged and never fails the customer's turn or the agent's send
 * (the history is a record, not the conversation).
 */
export class HistoryRecorder {
  private readonly turn = new AsyncLocalStorage<{ readonly conversationId: string }>();

  constructor(
    readonly store: HistoryStore,
    private readonly log: Log,
  ) {}

  async record(
    conversationId: string,
    lines: readonly NewHistoryLine[],
    facts: HistoryFacts = {},
  ): Promise<void> {
    if (lines.length === 0 && Object.keys(facts).length === 0) return;
    try {
      if (lines.length === 0) await this.store.note(conversationId, facts);
      else await this.store.append(conversationId, lines, facts);
    } catch (err) {
      withContext(this.log, { conversationId }).error('history write failed (the conversation goes on)', err);
    }
  }

  /** Runs a turn with its conversation known to the decorators below it (the FAQ's decisions). */
  inTurn<T>(conversationId: string, run: () => Promise<T>): Promise<T> {
    return this.turn.run({ conversationId }, run);
  }

  /** The conversation of the turn running now, if any. */
  currentConversation(): string | undefined {
    return this.turn.getStore()?.conversationId;
  }
}
