/** Codes of real failures; expected outcomes (bad input, skipped answers) are typed result values. */
export type InsightsErrorCode = 'CORRUPT_RECORD' | 'INVALID_CONFIG' | 'STORE_FAILED';

export class InsightsError extends Error {
  readonly code: InsightsErrorCode;

  constructor(code: InsightsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InsightsError';
    this.code = code;
  }
}

/** One zod issue as "path: message", the path written `entries[3].answer`. */
export interface InsightsIssue {
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function toIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): InsightsIssue[] {
  return issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}
