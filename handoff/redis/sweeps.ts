import { HEAD_BAND } from '../priority';
import type { SweepResult, UnansweredRequeue } from '../results';
import type { Sweeps } from '../roles/sweeps';
import { asString, asStrings } from './replies';
import type { RedisCore } from './core';

/** The Redis store's timers: one script per sweep, so any instance may run them. */
export class RedisSweeps implements Sweeps {
  constructor(private readonly core: RedisCore) {}

  async requeueExpired(): Promise<SweepResult> {
    const now = this.core.policy.now();
    const reply = await this.core.run(
      'requeueExpired',
      [this.core.keys.onlineAgents, this.core.keys.claims, this.core.keys.poolDue, this.core.keys.unanswered],
      [
        now,
        this.core.policy.heartbeatCutoff(now),
        HEAD_BAND,
        this.core.policy.config.sweepLimit,
        this.core.policy.answerCutoff(now) ?? '',
      ],
    );
    const pairs = asStrings(reply[3]);
    const unanswered: UnansweredRequeue[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2)
      unanswered.push({ conversationId: pairs[i] ?? '', agentId: pairs[i + 1] ?? '' });
    return {
      requeued: asStrings(reply[0]),
      toPool: asStrings(reply[1]),
      agentsOffline: asStrings(reply[2]),
      unanswered,
    };
  }

  async closeSilent(): Promise<readonly string[]> {
    const now = this.core.policy.now();
    const reply = await this.core.run(
      'closeSilent',
      [this.core.keys.activity, this.core.keys.claims],
      [now, this.core.policy.silenceCutoff(now), this.core.policy.config.sweepLimit],
    );
    return reply.map(asString);
  }

  async resolveQuietTickets(): Promise<readonly string[]> {
    const now = this.core.policy.now();
    const reply = await this.core.run(
      'resolveQuietTickets',
      [this.core.keys.answered, this.core.keys.activity],
      [now, this.core.policy.ticketQuietCutoff(now), this.core.policy.config.sweepLimit],
    );
    return reply.map(asString);
  }
}
