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

export interface AgentStatus {
  readonly agentId: string;
  readonly languages: readonly string[];
  readonly skills: readonly string[];
  readonly capacity: number;
  readonly lastHeartbeatAt: number;
  readonly conversations: readonly string[];
}
