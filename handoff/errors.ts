/** Codes of real failures (not expected outcomes, which are typed result values). */
export type HandoffErrorCode =
  'INVALID_CONFIG' | 'INVALID_INPUT' | 'STORE_FAILED' | 'UNEXPECTED_REPLY' | 'MAIL_FAILED';

export class HandoffError extends Error {
  readonly code: HandoffErrorCode;

  constructor(code: HandoffErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HandoffError';
    this.code = code;
  }
}
