import { createHash } from 'node:crypto';
import { z } from 'zod';

/** How the supervisor proves who they are to the reports API: a bearer token, kept only as its hash. */
export interface SupervisorAuth {
  /** Hex SHA-256 of the supervisor token. */
  readonly tokenSha256: string;
}

export const MIN_SUPERVISOR_TOKEN_LENGTH = 16;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const supervisorEnvSchema = z.object({
  SUPERVISOR_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .refine(
      (v) => v === undefined || v.length >= MIN_SUPERVISOR_TOKEN_LENGTH,
      `must be at least ${MIN_SUPERVISOR_TOKEN_LENGTH} characters`,
    )
    .optional(),
  SUPERVISOR_TOKEN_SHA256: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.toLowerCase()))
    .refine((v) => v === undefined || /^[0-9a-f]{64}$/.test(v), 'must be 64 hexadecimal characters (SHA-256)')
    .optional(),
});

export type SupervisorEnvResult =
  | { readonly ok: true; readonly supervisor?: SupervisorAuth }
  | { readonly ok: false; readonly issues: readonly { variable: string; message: string }[] };

/**
 * SUPERVISOR_TOKEN, or SUPERVISOR_TOKEN_SHA256 (its hex SHA-256, so the token itself need not sit in
 * the environment). Neither: the reports API is off.
 */
export function parseSupervisorEnv(env: Readonly<Record<string, string | undefined>>): SupervisorEnvResult {
  const parsed = supervisorEnvSchema.safeParse(env);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
    };
  const { SUPERVISOR_TOKEN: token, SUPERVISOR_TOKEN_SHA256: hash } = parsed.data;
  if (token && hash)
    return {
      ok: false,
      issues: [
        { variable: 'SUPERVISOR_TOKEN_SHA256', message: 'set SUPERVISOR_TOKEN or its hash, not both' },
      ],
    };
  if (token) return { ok: true, supervisor: { tokenSha256: sha256Hex(token) } };
  if (hash) return { ok: true, supervisor: { tokenSha256: hash } };
  return { ok: true };
}
