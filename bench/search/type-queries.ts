import type { Page } from 'playwright-core';

/** One keystroke: ms from the input event to the suggestions laid out, and the ids shown. */
export interface Keystroke {
  readonly ms: number;
  readonly ids: readonly string[];
}

/** Customers who typed this much without picking a suggestion would have asked the chat. */
export const MAX_TYPED = 80;

/**
 * Types each query into the page's search box one character more at a time, in the page: sets the
 * box's value, fires the input event the page listens to (it renders synchronously), forces the
 * layout of the suggestions and reads the clock. Returns every keystroke of every query.
 */
export async function typeQueries(page: Page, queries: readonly string[]): Promise<Keystroke[][]> {
  await page.locator('html[data-help-ready="true"]').waitFor();
  return page.evaluate(
    ({ queries, maxTyped }) => {
      const input = document.getElementById('help-search') as HTMLInputElement;
      const box = document.querySelector('.help-results-box') as HTMLElement;
      return queries.map((query) => {
        const steps: { ms: number; ids: string[] }[] = [];
        for (let n = 1; n <= Math.min(query.length, maxTyped); n += 1) {
          const started = performance.now();
          input.value = query.slice(0, n);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          void box.offsetHeight;
          const ms = performance.now() - started;
          const ids = Array.from(
            document.querySelectorAll('.help-result'),
            (a) => a.getAttribute('data-entry-id') ?? '',
          );
          steps.push({ ms, ids });
        }
        return steps;
      });
    },
    { queries, maxTyped: MAX_TYPED },
  );
}
