import { z } from 'zod';
import { idSchema, languageSchema, skillSchema } from './conversation';

export const agentProfileSchema = z.object({
  agentId: idSchema,
  languages: z.array(languageSchema).min(1),
  skills: z.array(skillSchema).default([]),
  /** Maximum conversations this agent holds at once; enforced inside the claim. */
  capacity: z.number().int().min(1).max(100).default(3),
});
export type AgentProfile = z.input<typeof agentProfileSchema>;
export type ParsedAgentProfile = z.output<typeof agentProfileSchema>;

/** What an online agent can set: away keeps their conversations but takes no new ones. */
export const AGENT_PRESENCES = ['online', 'away'] as const;
export type AgentPresence = (typeof AGENT_PRESENCES)[number];
export const agentPresenceSchema = z.enum(AGENT_PRESENCES);

export interface AgentStatus {
  readonly agentId: string;
  readonly languages: readonly string[];
  readonly skills: readonly string[];
  readonly capacity: number;
  readonly lastHeartbeatAt: number;
  /** offline: logged out, or no heartbeat within the timeout. */
  readonly presence: AgentPresence | 'offline';
  readonly conversations: readonly string[];
}
