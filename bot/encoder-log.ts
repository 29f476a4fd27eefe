import type { Log } from './log';

/** The encoder's log lines (fields first, pino style) on the bot's log; a warning is an error line without cause. */
export function encoderLog(log: Log) {
  return {
    info: (fields: Record<string, unknown>, message: string) => log.info(message, fields),
    warn: (fields: Record<string, unknown>, message: string) => log.error(message, undefined, fields),
  };
}
