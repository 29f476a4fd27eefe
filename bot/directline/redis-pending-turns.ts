import type { DirectLineKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import type { ClaimedTurn, ClaimOutcome, PendingTurns, TurnLease } from './pending-turns';
import {
  CLAIM_DUE_TURNS_LUA,
  CLAIM_TURN_LUA,
  FINISH_TURN_LUA,
  RENEW_TURN_LUA,
  RESERVE_INTENT_LUA,
  SETTLE_INTENT_LUA,
} from './pending-turns.lua';

const COMMANDS = {
  relaisClaimTurn: CLAIM_TURN_LUA,
  relaisClaimDueTurns: CLAIM_DUE_TURNS_LUA,
  relaisRenewTurn: RENEW_TURN_LUA,
  relaisFinishTurn: FINISH_TURN_LUA,
  relaisReserveIntent: RESERVE_INTENT_LUA,
  relaisSettleIntent: SETTLE_INTENT_LUA,
} as const;

type Commands = Record<keyof typeof COMMANDS, (...keysAndArgs: string[]) => Promise<unknown>>;

/** The pending-turn ledger in Redis: a lease lapses with its owner, whichever instance that was. */
export class RedisPendingTurns implements PendingTurns {
  private readonly keys: readonly [string, string];

  /** The ledger's two keys every instance shares (the Direct Line store's append writes them too). */
  constructor(
    private readonly redis: RedisClient,
    keys: DirectLineKeys,
  ) {
    this.keys = [keys.pending, keys.pendingLease];
    for (const [name, lua] of Object.entries(COMMANDS))
      if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 2, lua });
  }

  async claim(activityId: string, lease: TurnLease): Promise<ClaimOutcome> {
    const reply = await this.run('relaisClaimTurn', activityId, lease.owner, String(lease.ms));
    if (!Array.isArray(reply)) throw new Error(`unexpected reply from relaisClaimTurn: ${String(reply)}`);
    if (reply[0] === 2) return { outcome: 'claimed', activityId, attempt: Number(reply[1]) };
    return { outcome: reply[0] === 1 ? 'held' : 'none' };
  }

  async claimDue(lease: TurnLease, limit: number): Promise<ClaimedTurn[]> {
    const reply = await this.run('relaisClaimDueTurns', lease.owner, String(lease.ms), String(limit));
    if (!Array.isArray(reply)) throw new Error(`unexpected reply from relaisClaimDueTurns: ${String(reply)}`);
    const claimed: ClaimedTurn[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2)
      claimed.push({ activityId: String(reply[i]), attempt: Number(reply[i + 1]) });
    return claimed;
  }

  async renew(activityId: string, lease: TurnLease): Promise<boolean> {
    return (await this.run('relaisRenewTurn', activityId, lease.owner, String(lease.ms))) === 1;
  }

  async done(activityId: string, owner: string): Promise<void> {
    await this.run('relaisFinishTurn', activityId, owner, 'done', '0');
  }

  async retryLater(activityId: string, owner: string, afterMs: number): Promise<void> {
    await this.run('relaisFinishTurn', activityId, owner, 'retry', String(Math.max(0, Math.round(afterMs))));
  }

  /** Expects a turn for an activity about to be stored (`intentId`, see pending-intent.ts). */
  async reserve(intentId: string, lease: TurnLease): Promise<void> {
    await this.run('relaisReserveIntent', intentId, lease.owner, String(lease.ms));
  }

  /** Moves the intent's entry to the stored activity's id; false when the intent had gone. */
  async settle(intentId: string, activityId: string): Promise<boolean> {
    return (await this.run('relaisSettleIntent', intentId, activityId)) === 1;
  }

  private run(command: keyof typeof COMMANDS, ...args: string[]): Promise<unknown> {
    return (this.redis as unknown as Commands)[command](...this.keys, ...args);
  }
}
