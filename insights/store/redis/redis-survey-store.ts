import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { InsightsError } from '../../errors';
import { DEFAULT_INSIGHTS_PREFIX, insightsKeys, type InsightsKeys } from '../../../keyspace/index';
import { parseSurveyAnswer, type SurveyAnswer, type SurveyAnswerInput } from '../../survey-answer';
import type { CustomerErasure, RecordResult, SurveyStore, TimeRange } from '../survey-store';
import {
  eraseCustomerScript,
  INSIGHTS_SCRIPTS,
  purgeClosedBeforeScript,
  recordSurveyScript,
} from './scripts';

export interface RedisSurveyStoreOptions {
  /** A connection the caller owns (not closed by dispose), or a URL / options to open one. */
  readonly redis: Redis | Cluster | string | RedisOptions;
  /** Key prefix; default "relais:insights". */
  readonly keyPrefix?: string;
  /** Surveys deleted per purge script call, so one call never blocks Redis for long. */
  readonly purgeBatch?: number;
}

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>;

/** The production store: every multi-key write is one Lua script (see scripts.ts). */
export class RedisSurveyStore implements SurveyStore {
  private readonly redis: Redis | Cluster;
  private readonly ownsConnection: boolean;
  private readonly keys: InsightsKeys;
  private readonly purgeBatch: number;

  constructor(options: RedisSurveyStoreOptions) {
    this.keys = insightsKeys(options.keyPrefix ?? DEFAULT_INSIGHTS_PREFIX);
    this.purgeBatch = options.purgeBatch ?? 500;
    if (options.redis instanceof Redis || options.redis instanceof Cluster) {
      this.redis = options.redis;
      this.ownsConnection = false;
    } else {
      this.redis = typeof options.redis === 'string' ? new Redis(options.redis) : new Redis(options.redis);
      this.ownsConnection = true;
    }
    for (const s of INSIGHTS_SCRIPTS) {
      // defineCommand once per connection: a shared connection may already have them.
      if (!(s.name in this.redis))
        this.redis.defineCommand(s.name, { numberOfKeys: s.numberOfKeys, lua: s.lua });
    }
  }

  async record(input: SurveyAnswerInput): Promise<RecordResult> {
    const parsed = parseSurveyAnswer(input);
    if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
    const { context } = parsed.survey;
    const customer = context.customerId ?? '';
    const replaced = await this.run(
      recordSurveyScript.name,
      this.keys.survey(context.conversationId),
      this.keys.byTime,
      // An unused but same-slot key when there is no customer (the script skips it).
      this.keys.customer(customer),
      this.keys.base,
      context.conversationId,
      context.closedAt,
      customer,
      JSON.stringify(parsed.survey),
      parsed.survey.recordedAt,
    );
    if (replaced === -1) return { ok: false, reason: 'stale' };
    return { ok: true, survey: parsed.survey, replaced: replaced === 1 };
  }

  async get(conversationId: string): Promise<SurveyAnswer | undefined> {
    const key = this.keys.survey(conversationId);
    const json = await this.redis.hget(key, 'json');
    return json === null ? undefined : this.decode(key, json);
  }

  async list(range: TimeRange): Promise<readonly SurveyAnswer[]> {
    if (!(range.to > range.from)) return [];
    const ids = await this.redis.zrangebyscore(this.keys.byTime, range.from, `(${range.to}`);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(this.keys.survey(id), 'json');
    const replies = (await pipeline.exec()) ?? [];
    const out: SurveyAnswer[] = [];
    replies.forEach(([err, json], i) => {
      if (err) throw new InsightsError('STORE_FAILED', `reading surveys: ${err.message}`, { cause: err });
      // Erased between the two reads: gone, as asked.
      if (typeof json === 'string') out.push(this.decode(this.keys.survey(ids[i] ?? ''), json));
    });
    return out;
  }

  async conversationsOf(customerId: string): Promise<CustomerErasure['conversations']> {
    const ids = [...(await this.redis.smembers(this.keys.customer(customerId)))].sort();
    const out: { conversationId: string; channel: string }[] = [];
    for (const id of ids) {
      const survey = await this.get(id);
      if (survey) out.push({ conversationId: id, channel: survey.context.channel });
    }
    return out;
  }

  async eraseCustomer(customerId: string): Promise<CustomerErasure> {
    const flat = await this.run(
      eraseCustomerScript.name,
      this.keys.customer(customerId),
      this.keys.byTime,
      this.keys.base,
    );
    const list = Array.isArray(flat) ? flat.map(String) : [];
    const conversations: { conversationId: string; channel: string }[] = [];
    for (let i = 0; i + 1 < list.length; i += 2)
      conversations.push({ conversationId: list[i] ?? '', channel: list[i + 1] ?? 'unknown' });
    conversations.sort((a, b) =>
      a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0,
    );
    return { erased: conversations.length, conversations };
  }

  async purgeClosedBefore(cutoff: number): Promise<{ readonly purged: number }> {
    let purged = 0;
    for (;;) {
      const n = Number(
        await this.run(
          purgeClosedBeforeScript.name,
          this.keys.byTime,
          this.keys.base,
          cutoff,
          this.purgeBatch,
        ),
      );
      purged += n;
      if (n < this.purgeBatch) return { purged };
    }
  }

  async dispose(): Promise<void> {
    if (this.ownsConnection) await this.redis.quit();
  }

  private async run(name: string, ...args: (string | number)[]): Promise<unknown> {
    const fn = (this.redis as unknown as Record<string, ScriptFn | undefined>)[name];
    if (!fn) throw new InsightsError('STORE_FAILED', `script ${name} is not defined on this connection`);
    try {
      return await fn.apply(this.redis, args);
    } catch (cause) {
      throw new InsightsError('STORE_FAILED', `${name} failed: ${(cause as Error).message}`, { cause });
    }
  }

  /** Stored data is parsed like input: a record that no longer fits the schema is a named error. */
  private decode(key: string, json: string): SurveyAnswer {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (cause) {
      throw new InsightsError('CORRUPT_RECORD', `${key}: stored survey is not JSON`, { cause });
    }
    const parsed = parseSurveyAnswer(raw);
    if (!parsed.ok) {
      const detail = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new InsightsError(
        'CORRUPT_RECORD',
        `${key}: stored survey does not match the schema (${detail})`,
      );
    }
    return parsed.survey;
  }
}
