import { z } from 'zod';
import { idSchema, languageSchema, skillSchema, type Language } from './conversation';

/**
 * Where the owning agent sends a conversation: to a colleague (it stays with-agent), or back to a
 * queue, possibly another language or skill (it waits again, in its class, by its first escalation).
 */
export type TransferTarget =
  | { readonly kind: 'agent'; readonly agentId: string }
  | { readonly kind: 'queue'; readonly language?: Language; readonly skill?: string };

export const transferTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: idSchema }),
  z.object({ kind: z.literal('queue'), language: languageSchema.optional(), skill: skillSchema.optional() }),
]);
export type ParsedTransferTarget = z.output<typeof transferTargetSchema>;
