import type { Locale } from '../../knowledge-base/index';
import type { SurveyAnswer } from '../survey-answer';
import { jaccard, questionTerms } from './question-terms';

/** A customer question the bot did not answer (escalated, or "Non" to "did this answer"). */
export interface MissedQuestion {
  readonly text: string;
  readonly locale: Locale;
}

/** The closest existing KB entry to a question, whatever the confidence. */
export interface NearestEntry {
  readonly entryId: string;
  readonly score: number;
}

/** E.g. `async (q, locale) => (await faq.match(q, { locale })).candidates[0]` mapped to { entryId, score }. */
export type NearestEntryFinder = (
  question: string,
  locale: Locale,
) => NearestEntry | undefined | Promise<NearestEntry | undefined>;

export interface SuggestionOptions {
  /** Jaccard similarity of term sets needed to join a cluster; default 0.5. */
  readonly threshold?: number;
  /** Clusters smaller than this are not suggested; default 2. */
  readonly minCount?: number;
  /** Examples per suggestion; default 3. */
  readonly maxExamples?: number;
  readonly nearestEntry?: NearestEntryFinder;
  /** Nearest entries scoring below this do not count; default 0. */
  readonly minEntryScore?: number;
}

export interface KbSuggestion {
  /** new-phrasing: add the examples as phrasings of `entryId`; new-entry: write a new entry. */
  readonly kind: 'new-entry' | 'new-phrasing';
  readonly count: number;
  /** Distinct wordings, most asked first, then first asked. */
  readonly examples: readonly string[];
  /** Terms most members share, most shared first: a title for the supervisor. */
  readonly terms: readonly string[];
  readonly languages: readonly Locale[];
  readonly entryId?: string;
  /** Mean score of the matcher for the members that pointed at entryId. */
  readonly entryScore?: number;
}

interface Member {
  readonly text: string;
  readonly locale: Locale;
  readonly terms: ReadonlySet<string>;
}

interface Cluster {
  readonly firstSeen: number;
  readonly members: Member[];
}

/** At most this many distinct wordings of one cluster go through the matcher. */
const MATCHED_PER_CLUSTER = 20;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function examplesOf(members: readonly Member[], max: number): string[] {
  const counts = new Map<string, { count: number; first: number }>();
  members.forEach((m, i) => {
    const text = m.text.trim();
    const seen = counts.get(text);
    counts.set(text, seen ? { count: seen.count + 1, first: seen.first } : { count: 1, first: i });
  });
  return [...counts]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .slice(0, max)
    .map(([text]) => text);
}

function sharedTerms(members: readonly Member[]): string[] {
  const counts = new Map<string, number>();
  for (const m of members) for (const t of m.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 >= members.length)
    .sort(([ta, a], [tb, b]) => b - a || byText(ta, tb))
    .map(([t]) => t);
}

async function nearestOf(
  members: readonly Member[],
  find: NearestEntryFinder,
  minScore: number,
): Promise<{ entryId: string; entryScore: number } | undefined> {
  const votes = new Map<string, { count: number; total: number }>();
  const asked = new Set<string>();
  for (const m of members) {
    if (asked.has(m.text) || asked.size >= MATCHED_PER_CLUSTER) continue;
    asked.add(m.text);
    const near = await find(m.text, m.locale);
    if (!near || near.score < minScore) continue;
    const v = votes.get(near.entryId) ?? { count: 0, total: 0 };
    votes.set(near.entryId, { count: v.count + 1, total: v.total + near.score });
  }
  const best = [...votes].sort(
    ([ia, a], [ib, b]) => b.count - a.count || b.total / b.count - a.total / a.count || byText(ia, ib),
  )[0];
  return best && { entryId: best[0], entryScore: best[1].total / best[1].count };
}

/**
 * Groups missed questions into suggestions for the knowledge base. Greedy and deterministic: each
 * question, in the order given, joins the cluster holding its most similar question (Jaccard of
 * term sets ≥ threshold; the earliest cluster on ties) or starts a new one. Clusters are then
 * offered biggest first; when a matcher is given, a cluster whose questions point at an existing
 * entry becomes "new phrasings" for it, otherwise "a new entry".
 */
export async function suggestKbImprovements(
  questions: readonly MissedQuestion[],
  options: SuggestionOptions = {},
): Promise<KbSuggestion[]> {
  const threshold = options.threshold ?? 0.5;
  const clusters: Cluster[] = [];
  questions.forEach((q, index) => {
    const terms = questionTerms(q.text, q.locale);
    if (terms.size === 0) return;
    const member: Member = { text: q.text.trim(), locale: q.locale, terms };
    let best: Cluster | undefined;
    let bestSimilarity = 0;
    for (const cluster of clusters) {
      for (const other of cluster.members) {
        const s = jaccard(terms, other.terms);
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = cluster;
        }
      }
    }
    if (best && bestSimilarity >= threshold) best.members.push(member);
    else clusters.push({ firstSeen: index, members: [member] });
  });
  const kept = clusters
    .filter((c) => c.members.length >= (options.minCount ?? 2))
    .sort((a, b) => b.members.length - a.members.length || a.firstSeen - b.firstSeen);
  const nearest = await Promise.all(
    kept.map((c) =>
      options.nearestEntry
        ? nearestOf(c.members, options.nearestEntry, options.minEntryScore ?? 0)
        : undefined,
    ),
  );
  return kept.map((c, i) => {
    const near = nearest[i];
    const languages = [...new Set(c.members.map((m) => m.locale))].sort();
    return {
      kind: near ? 'new-phrasing' : 'new-entry',
      count: c.members.length,
      examples: examplesOf(c.members, options.maxExamples ?? 3),
      terms: sharedTerms(c.members),
      languages,
      ...(near ?? {}),
    };
  });
}

/** The missed questions recorded with the surveys, each in its conversation's language. */
export function missedQuestionsOf(surveys: readonly SurveyAnswer[]): MissedQuestion[] {
  return surveys.flatMap((s) =>
    s.context.missedQuestions.map((text) => ({ text, locale: s.context.language })),
  );
}
