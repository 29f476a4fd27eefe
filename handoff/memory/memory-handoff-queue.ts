import { systemClock, type Clock } from '../clock';
import { parseHandoffConfig, type HandoffConfigInput } from '../config';
import { JoinedHandoffQueue } from '../joined-queue';
import { HandoffPolicy } from '../policy';
import { MemoryAgentDesk } from './agent-desk';
import { MemoryAgentRoster } from './agent-roster';
import { MemoryConversationRecords } from './conversation-records';
import { MemoryCore } from './core';
import { MemoryMoves } from './moves';
import { MemorySweeps } from './sweeps';
import { MemoryTicketBook } from './ticket-book';
import { MemoryWaitingLine } from './waiting-line';

export interface MemoryHandoffQueueOptions {
  readonly config?: HandoffConfigInput;
  readonly clock?: Clock;
}

/**
 * The embedded default: the same data layout and rules as the Redis store, in one process, one
 * file per role over one shared MemoryCore. Nothing survives a restart.
 */
export class MemoryHandoffQueue extends JoinedHandoffQueue {
  constructor(options: MemoryHandoffQueueOptions = {}) {
    const core = new MemoryCore(
      new HandoffPolicy(parseHandoffConfig(options.config), options.clock ?? systemClock),
    );
    const moves = new MemoryMoves(core);
    super({
      line: new MemoryWaitingLine(core, moves),
      desk: new MemoryAgentDesk(core, moves),
      roster: new MemoryAgentRoster(core, moves),
      book: new MemoryTicketBook(core, moves),
      sweeps: new MemorySweeps(core, moves),
      records: new MemoryConversationRecords(core),
    });
  }

  async dispose(): Promise<void> {}
}
