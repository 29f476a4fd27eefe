import type { Matcher, MatcherInfo } from './matcher';
import type { Decision } from './types';

/** What a Faq asks of one language's matcher. */
export type LocaleMatcher = Pick<Matcher, 'match' | 'info'>;

/**
 * The fast path first, the encoder only where it is unsure: a message the lexical matcher answers
 * with confidence (or finds no word in) is decided at once; any other goes to the matcher that
 * reads full-pass sentence vectors. Each is calibrated on its own to the same policy, so the
 * answers of either meet it. When the encoder cannot answer, the fast decision stands.
 */
export class Cascade implements LocaleMatcher {
  readonly info: MatcherInfo;

  constructor(
    private readonly fast: Matcher,
    private readonly full: Matcher,
  ) {
    this.info = {
      ...full.info,
      buildMs: fast.info.buildMs + full.info.buildMs,
      vectors: `${full.info.vectors}, only when the lexical matcher is unsure`,
    };
  }

  async match(text: string): Promise<Decision> {
    const first = this.fast.matchNow(text);
    if (sure(first)) return first;
    return this.full.matchWithVector(text).then((d) => d ?? first);
  }
}

function sure(d: Decision): boolean {
  if (d.decision === 'answer') return true;
  return d.decision === 'escalate' && (d.reason === 'no-content' || d.reason === 'entry-escalate');
}
