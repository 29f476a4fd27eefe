/**
 * Polls `check` until it returns a value; a throwing check counts as "not yet" (a node that is
 * still starting or just died), and the last error is named if time runs out.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = '';
    } catch (err) {
      last = ` (last error: ${(err as Error).message})`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
