import type { Escalation } from '../conversation';
import { encodeCard } from '../conversation-fields';
import { averageHandlingMs, estimateWaitMs } from '../estimated-wait';
import type {
  EnqueueResult,
  PositionResult,
  Refusal,
  TransitionResult,
  WaitEstimateResult,
} from '../results';
import type { QueuedEntry, WaitingLine } from '../roles/waiting-line';
import { asArray, asString, asStrings } from './replies';
import { storeFailed, type RedisCore } from './core';

/** Joins enqueue's scalar arguments (languages, skills and numbers: never a control character). */
const UNIT_SEPARATOR = '\x1f';

/** The Redis store's waiting line: escalations, positions, estimates, cancels, the supervisors' peek. */
export class RedisWaitingLine implements WaitingLine {
  constructor(private readonly core: RedisCore) {}

  async touch(conversationId: string): Promise<void> {
    const id = this.core.policy.id(conversationId);
    await this.core.run(
      'touch',
      [this.core.keys.conversation(id), this.core.keys.activity],
      [id, this.core.policy.now()],
    );
  }

  async enqueue(input: Escalation): Promise<EnqueueResult> {
    const p = this.core.policy.prepareEscalation(input);
    const e = p.escalation;
    const id = e.conversationId;
    let reply: unknown;
    try {
      reply = await this.core.send(
        'enqueue',
        [
          this.core.keys.conversation(id),
          this.core.keys.activity,
          this.core.keys.tickets,
          this.core.keys.languageAgents(e.language),
        ],
        [
          id,
          p.now,
          encodeCard(e),
          e.accountManagerId ?? '',
          [
            e.language,
            e.skill,
            p.score,
            p.poolAt,
            this.core.policy.heartbeatCutoff(p.now),
            p.open ? '1' : '0',
            p.promisedReplyAt,
          ].join(UNIT_SEPARATOR),
        ],
      );
    } catch (cause) {
      throw storeFailed('enqueue', cause);
    }
    // The usual case, queued in the pool, comes back as the bare position.
    if (typeof reply === 'number') return { ok: true, outcome: 'queued', position: reply };
    const parts = asArray(reply, 'enqueue');
    const code = asString(parts[0]);
    if (code === 'queued') {
      const reservedFor = asString(parts[2]);
      return {
        ok: true,
        outcome: 'queued',
        position: Number(parts[1]),
        ...(reservedFor ? { reservedFor } : {}),
      };
    }
    if (code === 'ticket') {
      const why = asString(parts[1]) === 'outside-hours' ? 'outside-hours' : 'no-agent-online';
      return { ok: true, outcome: 'ticket', why, promisedReplyAt: p.promisedReplyAt };
    }
    return this.core.refusal<Extract<EnqueueResult, { ok: false }>>(parts, 'enqueue');
  }

  async position(conversationId: string): Promise<PositionResult> {
    const inputs = await this.waitInputs(conversationId);
    if (!inputs.ok) return inputs;
    return { ok: true, position: inputs.position, queueLength: inputs.queueLength };
  }

  async estimatedWait(conversationId: string): Promise<WaitEstimateResult> {
    const inputs = await this.waitInputs(conversationId);
    if (!inputs.ok) return inputs;
    const fallback = this.core.policy.config.defaultHandlingMs;
    return {
      ok: true,
      position: inputs.position,
      waitMs: estimateWaitMs({
        position: inputs.position,
        onlineSlots: inputs.onlineSlots,
        recentHandlingMs: inputs.recent,
        defaultHandlingMs: fallback,
      }),
      basis: {
        onlineSlots: inputs.onlineSlots,
        averageHandlingMs: averageHandlingMs(inputs.recent, fallback),
        samples: inputs.recent.length,
      },
    };
  }

  async cancel(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    return this.core.transition(
      'cancel',
      id,
      [this.core.keys.conversation(id), this.core.keys.activity, this.core.keys.poolDue],
      [id, this.core.policy.now()],
    );
  }

  async peek(limit = 50): Promise<readonly QueuedEntry[]> {
    const flat = (
      await this.core.run('peek', [this.core.keys.queues, this.core.keys.onlineAgents], [limit])
    ).map(asString);
    const all: QueuedEntry[] = [];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const reservedFor = flat[i + 3];
      all.push({
        conversationId: flat[i] ?? '',
        queue: flat[i + 1] ?? '',
        score: Number(flat[i + 2]),
        ...(reservedFor ? { reservedFor } : {}),
      });
    }
    all.sort((a, b) => a.score - b.score || (a.conversationId < b.conversationId ? -1 : 1));
    return all.slice(0, limit);
  }

  private async waitInputs(
    conversationId: string,
  ): Promise<
    | { ok: true; position: number; queueLength: number; onlineSlots: number; recent: number[] }
    | Extract<Refusal, { reason: 'not-found' | 'wrong-state' }>
  > {
    const id = this.core.policy.id(conversationId);
    const now = this.core.policy.now();
    const reply = await this.core.run(
      'waitInputs',
      [this.core.keys.conversation(id), this.core.keys.handling],
      [id, this.core.policy.heartbeatCutoff(now)],
    );
    if (asString(reply[0]) !== 'ok')
      return this.core.refusal<Extract<PositionResult, { ok: false }>>(reply, 'waitInputs');
    return {
      ok: true,
      position: Number(reply[1]),
      queueLength: Number(reply[2]),
      onlineSlots: Number(reply[3]),
      recent: asStrings(reply[4]).map(Number),
    };
  }
}
