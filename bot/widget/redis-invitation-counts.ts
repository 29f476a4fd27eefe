import type { RedisClient } from '../redis/client';
import {
  INVITATION_OUTCOMES,
  type InvitationCounts,
  type InvitationOutcome,
  type InvitationTally,
} from './invitation-counts';
import type { WidgetKeys } from '../../keyspace/index';

/** The counts shared by every instance: one hash per rule, HINCRBY is atomic on its own. */
export class RedisInvitationCounts implements InvitationCounts {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WidgetKeys,
  ) {}

  async record(ruleId: string, outcome: InvitationOutcome): Promise<void> {
    await this.redis.hincrby(this.keys.invitations(ruleId), outcome, 1);
  }

  async read(ruleIds: readonly string[]): Promise<InvitationTally[]> {
    if (ruleIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ruleIds) pipeline.hmget(this.keys.invitations(id), ...INVITATION_OUTCOMES);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, values]) => {
      if (error) throw error;
      const [shown, accepted, dismissed] = (values as (string | null)[]).map((v) => Number(v ?? 0));
      return { shown: shown ?? 0, accepted: accepted ?? 0, dismissed: dismissed ?? 0 };
    });
  }
}
