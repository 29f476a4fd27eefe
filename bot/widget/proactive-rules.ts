import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The proactive chat rules (PROACTIVE_RULES_FILE): when the widget invites a visitor to chat, and
 * with which words. The widget evaluates the triggers in the page; the server only keeps the list,
 * tells which rules may fire now (support closed: only `botOnly`) and counts the invitations.
 */

/** A path pattern of the host site: `/reservation`, `/demo/*` (`*` stands for any characters). */
const pagePattern = z
  .string()
  .regex(/^\/[A-Za-z0-9\-._~/*%]*$/, 'must be a path starting with / (letters, digits, - . _ ~ / and * only)')
  .max(200);

/** Both languages of the product: every text the visitor may see exists in each. */
const perLanguage = z.strictObject({
  fr: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});

const trigger = z.discriminatedUnion('kind', [
  /** The visitor stayed `seconds` on a page matching `page`. */
  z.strictObject({
    kind: z.literal('time-on-page'),
    page: pagePattern,
    seconds: z.number().int().min(1).max(3600),
  }),
  /** A help center search settled with no result. */
  z.strictObject({ kind: z.literal('failed-search') }),
  /** The visitor opened the same help entry `times` times (2: a return to it). */
  z.strictObject({ kind: z.literal('entry-revisit'), times: z.number().int().min(2).max(10).default(2) }),
  /** The visitor is leaving a page matching `page` (pointer out of the window's top, or the tab hidden). */
  z.strictObject({ kind: z.literal('exit-intent'), page: pagePattern }),
]);

const rule = z.strictObject({
  /** Counted under this id on the dashboard: lower-case letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes'),
  trigger,
  /** What the invitation bubble says. */
  message: perLanguage,
  /** The first chat message when the visitor accepts (a failed search sends what was typed instead). */
  ask: perLanguage.optional(),
  /** The bot can help alone here (KB entries cover the page): the rule fires while support is closed too. */
  botOnly: z.boolean().default(false),
});

export const proactiveRulesSchema = z
  .strictObject({ rules: z.array(rule).max(50) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate id ${r.id}` });
      seen.add(r.id);
    });
  });

export type ProactiveRule = z.output<typeof rule>;
export type ProactiveRules = readonly ProactiveRule[];

/** A rules file that cannot be used: the file and every failing path (`rules[2].message.en`). */
export class ProactiveRulesError extends Error {
  readonly code = 'PROACTIVE_RULES_INVALID';
  constructor(file: string, problems: readonly string[], options?: ErrorOptions) {
    super(`PROACTIVE_RULES_FILE ${file}: ${problems.join('; ')}`, options);
    this.name = 'ProactiveRulesError';
  }
}

const pathOf = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );

/** Parses the text of a rules file (YAML or JSON, which is YAML too). */
export function parseProactiveRules(text: string, file: string): ProactiveRules {
  let document: unknown;
  try {
    document = parse(text);
  } catch (cause) {
    throw new ProactiveRulesError(file, [`not YAML (${(cause as Error).message})`], { cause });
  }
  const parsed = proactiveRulesSchema.safeParse(document);
  if (!parsed.success)
    throw new ProactiveRulesError(
      file,
      parsed.error.issues.map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`),
    );
  return Object.freeze(parsed.data.rules.map((r) => Object.freeze(r)));
}

/** Reads the rules once at start: a bad file stops the server with its failing paths. */
export function loadProactiveRules(file: string): ProactiveRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ProactiveRulesError(file, [`cannot be read (${(cause as Error).message})`], { cause });
  }
  return parseProactiveRules(text, file);
}
