/**
 * Crash points tests can arm (RELAIS_FAULT_HOOK; refused with NODE_ENV=production), so a test
 * kills the process exactly where it means to instead of guessing with timers.
 */
export const FAULT_HOOKS = ['die-after-store'] as const;
export type FaultHook = (typeof FAULT_HOOKS)[number];

/** die-after-store: SIGKILL to itself once a posted message is stored, before its turn runs. */
export function faultHook(hook: FaultHook | undefined): (() => Promise<void>) | undefined {
  if (hook !== 'die-after-store') return undefined;
  return () => {
    process.kill(process.pid, 'SIGKILL');
    // The signal is delivered at once; nothing after this point may run.
    return new Promise<void>(() => undefined);
  };
}
