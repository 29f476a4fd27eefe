import type { Cluster, Redis } from 'ioredis';
import { JoinedHandoffQueue } from '../joined-queue';
import { RedisAgentDesk } from './agent-desk';
import { RedisAgentRoster } from './agent-roster';
import { RedisConversationRecords } from './conversation-records';
import { RedisCore, type RedisHandoffQueueOptions } from './core';
import { RedisSweeps } from './sweeps';
import { RedisTicketBook } from './ticket-book';
import { RedisWaitingLine } from './waiting-line';

export type { RedisHandoffQueueOptions } from './core';

/**
 * The production store: every state change is one Lua script (see scripts/), so N bot instances
 * and the agent API can share one Redis (or Sentinel / Cluster: all keys share one hash tag). One
 * file per role over one shared RedisCore.
 */
export class RedisHandoffQueue extends JoinedHandoffQueue {
  private readonly core: RedisCore;

  constructor(options: RedisHandoffQueueOptions) {
    const core = new RedisCore(options);
    super({
      line: new RedisWaitingLine(core),
      desk: new RedisAgentDesk(core),
      roster: new RedisAgentRoster(core),
      book: new RedisTicketBook(core),
      sweeps: new RedisSweeps(core),
      records: new RedisConversationRecords(core),
    });
    this.core = core;
  }

  /** The connection, for callers that share it (pub/sub needs its own). */
  get connection(): Redis | Cluster {
    return this.core.redis;
  }

  async dispose(): Promise<void> {
    if (!this.core.ownsConnection) return;
    try {
      await this.core.redis.quit();
    } catch {
      this.core.redis.disconnect();
    }
  }
}
