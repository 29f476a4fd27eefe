/** The slice of a pino logger the encoder writes to (knowledge-base/ does not depend on bot/log). */
export interface EncoderLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const SILENT_LOG: EncoderLog = { info: () => undefined, warn: () => undefined };
