import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the simulated customers say: each conversation opens with a question drawn from the demo's
 * labelled sets (French and English, a third out of scope: 431 distinct messages), then confirms
 * and thanks, so the matcher and its encoder see varied text, not four fixed sentences. Drawn in a
 * fixed order so two runs ask the same questions.
 */
export function customerScripts(): { readonly questions: number; scriptFor(n: number): string[] } {
  const root = resolve(__dirname, '..', '..', '..');
  const questions = ['fr', 'en'].flatMap((locale) =>
    readFileSync(join(root, 'tests', 'fixtures', `demo-${locale}-queries.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  // A fixed stride through the list interleaves the languages and topics.
  const stride = 97;
  return {
    questions: questions.length,
    scriptFor: (n) => [questions[(n * stride) % questions.length]!, 'Oui', 'Merci, c’était clair'],
  };
}
