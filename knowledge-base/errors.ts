/** One problem found in a KB file: where (path in the document, line for YAML/JSON) and what. */
export interface KbIssue {
  readonly file: string;
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export function formatIssue(issue: KbIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

/** A KB that cannot be used; carries every problem at once, so the author fixes them in one pass. */
export class KbError extends Error {
  readonly code = 'KB_INVALID';

  constructor(
    readonly issues: readonly KbIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `knowledge base refused (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
      options,
    );
    this.name = 'KbError';
  }
}
