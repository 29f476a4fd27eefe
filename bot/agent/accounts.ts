import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config';
import { passwordHashSchema } from './credentials';

/** What a customer may see of an agent: a first name, shown in notices and on every message. */
const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^<>{}[\]\\*_`#|~]+$/u, 'letters, spaces and simple punctuation only (no markup)');

const accountFields = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-"'),
  name: z.string().trim().min(1).max(100),
  /** Customer-facing ("Camille"); defaults to the first word of `name`. */
  displayName: displayNameSchema.optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'a code such as "fr"')).min(1),
  skills: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).default([]),
  capacity: z.number().int().min(1).max(100).default(3),
  passwordHash: passwordHashSchema,
});

export const agentAccountSchema = accountFields.transform((a) => ({
  ...a,
  displayName: a.displayName ?? defaultDisplayName(a.name),
}));
export type AgentAccount = z.output<typeof agentAccountSchema>;

/** "Camille Martin" → "Camille"; a name that is all markup falls back to a neutral word. */
export function defaultDisplayName(name: string): string {
  const first = name.split(/\s+/)[0] ?? '';
  const parsed = displayNameSchema.safeParse(first);
  return parsed.success ? parsed.data : 'Conseiller';
}

const accountsSchema = z
  .array(agentAccountSchema)
  .refine((list) => new Set(list.map((a) => a.id)).size === list.length, 'agent ids must be unique');

/** The agents of this deployment, from AGENTS (JSON) or AGENTS_FILE; none when neither is set. */
export function loadAgentAccounts(source: {
  readonly agentsJson?: string;
  readonly agentsFile?: string;
}): readonly AgentAccount[] {
  const variable = source.agentsJson !== undefined ? 'AGENTS' : 'AGENTS_FILE';
  let text = source.agentsJson;
  if (text === undefined && source.agentsFile !== undefined) {
    try {
      text = readFileSync(source.agentsFile, 'utf8');
    } catch (err) {
      throw new ConfigError([{ variable, message: `cannot read ${source.agentsFile} (${String(err)})` }]);
    }
  }
  if (text === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([{ variable, message: 'must be a JSON array of agents' }]);
  }
  const parsed = accountsSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        variable,
        message: `${i.path.join('.') || '(root)'}: ${i.message}`,
      })),
    );
  }
  return parsed.data;
}
