import type { z } from 'zod';
import {
  agentPresenceSchema,
  agentProfileSchema,
  type AgentPresence,
  type AgentProfile,
  type ParsedAgentProfile,
} from './agent';
import { BusinessHours } from './business-hours';
import type { Clock } from './clock';
import type { HandoffConfig } from './config';
import {
  contactEmailSchema,
  escalationSchema,
  idSchema,
  type Escalation,
  type ParsedEscalation,
} from './conversation';
import { HandoffError } from './errors';
import { classRank, queueScore } from './priority';
import { transferTargetSchema, type ParsedTransferTarget, type TransferTarget } from './transfer';

export interface PreparedEscalation {
  readonly escalation: ParsedEscalation;
  readonly now: number;
  /** "language:skill" */
  readonly queue: string;
  readonly score: number;
  readonly open: boolean;
  readonly promisedReplyAt: number;
  /** When a B2B conversation reserved for its account manager goes to the pool. */
  readonly poolAt: number;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${[what, ...i.path].join('.')}: ${i.message}`).join('; ');
    throw new HandoffError('INVALID_INPUT', `invalid ${what}: ${detail}`, { cause: result.error });
  }
  return result.data;
}

/** The rules both stores share: time limits, scores, business hours, input parsing. */
export class HandoffPolicy {
  readonly hours: BusinessHours;

  constructor(
    readonly config: HandoffConfig,
    readonly clock: Clock,
  ) {
    this.hours = BusinessHours.fromParsed(config.businessHours);
  }

  now(): number {
    return this.clock.now();
  }

  heartbeatCutoff(now: number): number {
    return now - this.config.heartbeatTimeoutMs;
  }

  silenceCutoff(now: number): number {
    return now - this.config.silenceTimeoutMs;
  }

  /** Answered tickets answered before this get resolved by the quiet sweep. */
  ticketQuietCutoff(now: number): number {
    return now - this.config.ticketQuietMs;
  }

  /** A customer active (or whose ticket opened) at or after this is taken to still be connected. */
  presentCutoff(now: number): number {
    return now - this.config.customerPresentMs;
  }

  /** A customer waiting for an answer since before this gets the conversation requeued; null when off. */
  answerCutoff(now: number): number | null {
    return this.config.answerTimeoutMs > 0 ? now - this.config.answerTimeoutMs : null;
  }

  claimDeadline(now: number): number {
    return now + this.config.claimTimeoutMs;
  }

  id(value: string, what = 'conversationId'): string {
    return parse(idSchema, value, what);
  }

  /** A contact address as the contact schema takes it (INVALID_INPUT otherwise). */
  email(value: string): string {
    return parse(contactEmailSchema, value, 'email');
  }

  agentProfile(profile: AgentProfile): ParsedAgentProfile {
    return parse(agentProfileSchema, profile, 'agent');
  }

  presence(value: AgentPresence): AgentPresence {
    return parse(agentPresenceSchema, value, 'presence');
  }

  transferTarget(target: TransferTarget): ParsedTransferTarget {
    return parse(transferTargetSchema, target, 'target');
  }

  prepareEscalation(input: Escalation): PreparedEscalation {
    const escalation = parse(escalationSchema, input, 'escalation');
    const now = this.now();
    const rank = classRank(escalation.priority, this.config.priorityOrder);
    return {
      escalation,
      now,
      queue: `${escalation.language}:${escalation.skill}`,
      score: queueScore(rank, now),
      open: this.hours.isOpen(now),
      promisedReplyAt: this.hours.addOpenTime(now, this.config.ticketReplyWithinMs),
      poolAt: now + this.config.accountManagerWaitMs,
    };
  }
}
