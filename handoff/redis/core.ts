import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { systemClock, type Clock } from '../clock';
import { parseHandoffConfig, type HandoffConfigInput } from '../config';
import { decodeConversation } from '../conversation-fields';
import { HandoffError } from '../errors';
import { handoffKeys, type HandoffKeys } from '../../keyspace/index';
import { HandoffPolicy } from '../policy';
import type { Refusal, TransitionResult } from '../results';
import { asArray, asFields, asString, toRefusal, type Reply } from './replies';
import { HANDOFF_SCRIPTS, type ScriptName } from './scripts';

export interface RedisHandoffQueueOptions {
  /**
   * A connection the caller owns (not closed by dispose): a Redis (standalone or Sentinel) or a
   * Cluster; or a URL / options to open one.
   */
  readonly redis: Redis | Cluster | string | RedisOptions;
  readonly config?: HandoffConfigInput;
  readonly clock?: Clock;
}

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>;

export function storeFailed(what: string, cause: unknown): HandoffError {
  if (cause instanceof HandoffError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new HandoffError('STORE_FAILED', `redis ${what} failed: ${message}`, { cause });
}

/**
 * The Redis store's connection, keys and policy, shared by its role objects, and the one way they
 * run a script (every state change is one Lua script, see scripts/) and map its reply.
 */
export class RedisCore {
  readonly policy: HandoffPolicy;
  readonly keys: HandoffKeys;
  readonly redis: Redis | Cluster;

  /** Whether dispose closes the connection (it opened it). */
  readonly ownsConnection: boolean;

  constructor(options: RedisHandoffQueueOptions) {
    const config = parseHandoffConfig(options.config);
    this.policy = new HandoffPolicy(config, options.clock ?? systemClock);
    this.keys = handoffKeys(config.keyPrefix);
    if (options.redis instanceof Redis || options.redis instanceof Cluster) {
      this.redis = options.redis;
      this.ownsConnection = false;
    } else {
      this.redis = typeof options.redis === 'string' ? new Redis(options.redis) : new Redis(options.redis);
      this.ownsConnection = true;
    }
    for (const s of Object.values(HANDOFF_SCRIPTS)) {
      // defineCommand is idempotent per connection: a shared connection may already have them.
      if (!(s.name in this.redis))
        this.redis.defineCommand(s.name, { numberOfKeys: s.numberOfKeys, lua: s.lua });
    }
  }

  async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (cause) {
      throw storeFailed(what, cause);
    }
  }

  /**
   * Starts a script; its reply as ioredis gives it. Not async, and errors are mapped by the caller
   * (`run`, or a try around the await on the hot paths): one promise less per operation.
   */
  send(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const s = HANDOFF_SCRIPTS[name];
    const fn = (this.redis as unknown as Record<string, ScriptFn>)[s.name];
    if (!fn)
      return Promise.reject(
        new HandoffError('STORE_FAILED', `script ${s.name} is not defined on this connection`),
      );
    // ioredis turns numbers into strings itself; no closure or copy on the hot path.
    return fn.call(this.redis, ...keys, this.keys.base, ...args);
  }

  /** Runs a script whose every reply is a table. */
  async run(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<Reply[]> {
    let reply: unknown;
    try {
      reply = await this.send(name, keys, args);
    } catch (cause) {
      throw storeFailed(name, cause);
    }
    return asArray(reply, name);
  }

  /** The scripts only return the codes their header lists, so the narrowing holds. */
  refusal<R extends Refusal>(reply: Reply[], what: string): R {
    return toRefusal(reply, what) as R;
  }

  async transition(
    name: ScriptName,
    id: string,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<TransitionResult> {
    const reply = await this.run(name, keys, args);
    if (asString(reply[0]) !== 'ok')
      return this.refusal<Extract<TransitionResult, { ok: false }>>(reply, name);
    return { ok: true, conversation: decodeConversation(id, asFields(reply[1])) };
  }
}
