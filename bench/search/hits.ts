/** A labelled query typed prefix by prefix: the ids suggested at each prefix, best first. */
export interface TypedQuery {
  readonly expected: string;
  readonly shown: readonly (readonly string[])[];
}

export interface HitRates {
  /** The expected entry was among the first three at some prefix (the customer could click it). */
  readonly whileTyping: number;
  /** Among the first three once the whole query (up to MAX_TYPED characters) is typed. */
  readonly final: number;
  /** Mean characters typed before it first appears in the first three, over the hits. */
  readonly charsToHit: number;
}

/** Percentages over the queries; `sameAs` maps a generated entry back to its demo entry. */
export function hitRates(
  queries: readonly TypedQuery[],
  sameAs: (id: string) => string = (id) => id,
): HitRates {
  let whileTyping = 0;
  let final = 0;
  let chars = 0;
  for (const q of queries) {
    const firstHit = q.shown.findIndex((ids) => ids.slice(0, 3).some((id) => sameAs(id) === q.expected));
    if (firstHit >= 0) {
      whileTyping += 1;
      chars += firstHit + 1;
    }
    if ((q.shown.at(-1) ?? []).slice(0, 3).some((id) => sameAs(id) === q.expected)) final += 1;
  }
  const pct = (n: number) => (queries.length === 0 ? 0 : (100 * n) / queries.length);
  return {
    whileTyping: pct(whileTyping),
    final: pct(final),
    charsToHit: whileTyping ? chars / whileTyping : 0,
  };
}

/** Two rankings interleaved (a's first, b's first, a's second…), each id once. */
export function interleave(a: readonly string[], b: readonly string[], size = 5): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < size && (i < a.length || i < b.length); i += 1)
    for (const id of [a[i], b[i]])
      if (id !== undefined && !out.includes(id) && out.length < size) out.push(id);
  return out;
}
