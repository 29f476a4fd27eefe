import { createLog, type Log, type LogLevel } from '../../../bot/log';

/** A pino log writing into memory: the lines a log shipper would read, parsed. */
export interface CapturedLog {
  readonly log: Log;
  /** Every raw line written so far. */
  readonly raw: string[];
  lines(): Record<string, unknown>[];
}

export function captureLog(level: LogLevel = 'trace', maskPersonalData = true): CapturedLog {
  const raw: string[] = [];
  const log = createLog({
    level,
    maskPersonalData,
    destination: { write: (line: string) => void raw.push(line) },
  });
  return {
    log,
    raw,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
