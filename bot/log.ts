/** Where the server writes what operators need to see; tests pass a silent one. */
export interface Log {
  info(message: string): void;
  error(message: string, cause?: unknown): void;
}

export const consoleLog: Log = {
  info: (message) => console.log(message),
  error: (message, cause) => console.error(message, cause ?? ''),
};

export const silentLog: Log = { info: () => undefined, error: () => undefined };
