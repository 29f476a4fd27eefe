import type { Locale } from '../../knowledge-base/index';
import type { SurveyAnswer } from '../survey-answer';
import type { TermReadings } from './kb-reading';
import { questionTerms, termSimilarity } from './question-terms';

/** A customer question the bot did not answer (escalated, or "Non" to "did this answer"). */
export interface MissedQuestion {
  readonly text: string;
  readonly locale: Locale;
}

/** The closest existing KB entry to a question, whatever the confidence. */
export interface NearestEntry {
  readonly entryId: string;
  readonly score: number;
  /** The matcher answers the question with this entry today (the KB covers it: nothing to suggest). */
  readonly answered?: boolean;
}

/** E.g. `async (q, locale) => (await faq.match(q, { locale })).candidates[0]` mapped to { entryId, score }. */
export type NearestEntryFinder = (
  question: string,
  locale: Locale,
) => NearestEntry | undefined | Promise<NearestEntry | undefined>;

export interface SuggestionOptions {
  /** Similarity (termSimilarity, or the matcher's) needed to join a cluster; default 0.5. */
  readonly threshold?: number;
  /** Each language's synonyms and term weights, from the KB in service (kbTermReadings). */
  readonly readings?: TermReadings;
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
  /** The language most members asked in, and their distinct wordings in it: what Accept sends. */
  readonly locale: Locale;
  readonly phrasings: readonly string[];
}

interface Member {
  readonly text: string;
  readonly locale: Locale;
  readonly terms: ReadonlySet<string>;
  readonly weight: (term: string) => number;
  /** The matcher's nearest entry, when it is a real candidate (score ≥ minEntryScore). */
  readonly near?: NearestEntry;
}

interface Cluster {
  readonly firstSeen: number;
  readonly members: Member[];
}

/** At most this many distinct wordings of one cluster vote for its entry. */
const MATCHED_PER_CLUSTER = 20;
/** At most this many wordings go with an Accept (the accept API takes up to 100). */
const MAX_PHRASINGS = 20;

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

function nearestOf(members: readonly Member[]): { entryId: string; entryScore: number } | undefined {
  const votes = new Map<string, { count: number; total: number }>();
  const asked = new Set<string>();
  for (const m of members) {
    if (asked.has(m.text) || asked.size >= MATCHED_PER_CLUSTER) continue;
    asked.add(m.text);
    const near = m.near;
    if (!near) continue;
    const v = votes.get(near.entryId) ?? { count: 0, total: 0 };
    votes.set(near.entryId, { count: v.count + 1, total: v.total + near.score });
  }
  const best = [...votes].sort(
    ([ia, a], [ib, b]) => b.count - a.count || b.total / b.count - a.total / a.count || byText(ia, ib),
  )[0];
  return best && { entryId: best[0], entryScore: best[1].total / best[1].count };
}

/** At most this many distinct questions go through the matcher in one call. */
const MATCHED_QUESTIONS = 500;

/** The matcher's nearest entry of each distinct question (up to MATCHED_QUESTIONS), real candidates only. */
async function nearestByQuestion(
  questions: readonly MissedQuestion[],
  options: SuggestionOptions,
): Promise<Map<string, NearestEntry>> {
  const found = new Map<string, NearestEntry>();
  const find = options.nearestEntry;
  if (!find) return found;
  const asked = new Set<string>();
  for (const q of questions) {
    const key = `${q.locale}\u0000${q.text.trim()}`;
    if (asked.has(key) || asked.size >= MATCHED_QUESTIONS) continue;
    asked.add(key);
    const near = await find(q.text.trim(), q.locale);
    if (near && near.score >= (options.minEntryScore ?? 0)) found.set(key, near);
  }
  return found;
}

/** Same language, and alike by their terms, or put on the same entry by the matcher. */
function similarity(a: Member, b: Member): number {
  if (a.locale !== b.locale) return 0;
  if (a.near && b.near && a.near.entryId === b.near.entryId) return 1;
  return termSimilarity(a.terms, b.terms, a.weight);
}

function majorityLocale(members: readonly Member[]): Locale {
  const counts = new Map<Locale, number>();
  for (const m of members) counts.set(m.locale, (counts.get(m.locale) ?? 0) + 1);
  return [...counts].sort(([la, a], [lb, b]) => b - a || byText(la, lb))[0]![0];
}

/**
 * Groups missed questions by meaning into suggestions for the knowledge base. Two questions are
 * alike when they share their topic's terms (the KB's stems and synonyms, word families, weighed
 * by how rare the term is in the KB) or when the matcher puts both on the same entry. Greedy and
 * deterministic: each question, in the order given, joins the cluster holding its most similar
 * question (≥ threshold; the earliest cluster on ties) or starts a new one. Clusters are offered
 * biggest first; one whose questions point at an existing entry becomes "new phrasings" for it,
 * otherwise "a new entry"; one the matcher now answers entirely (accepted already) is left out.
 */
export async function suggestKbImprovements(
  questions: readonly MissedQuestion[],
  options: SuggestionOptions = {},
): Promise<KbSuggestion[]> {
  const threshold = options.threshold ?? 0.5;
  const nearest = await nearestByQuestion(questions, options);
  const clusters: Cluster[] = [];
  questions.forEach((q, index) => {
    const reading = options.readings?.(q.locale) ?? {};
    const terms = questionTerms(q.text, q.locale, reading);
    const near = nearest.get(`${q.locale}\u0000${q.text.trim()}`);
    if (terms.size === 0 && !near) return;
    const member: Member = {
      text: q.text.trim(),
      locale: q.locale,
      terms,
      weight: reading.weight ?? (() => 1),
      ...(near ? { near } : {}),
    };
    let best: Cluster | undefined;
    let bestSimilarity = 0;
    for (const cluster of clusters) {
      for (const other of cluster.members) {
        const s = similarity(member, other);
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = cluster;
        }
      }
    }
    if (best && bestSimilarity >= threshold) best.members.push(member);
    else clusters.push({ firstSeen: index, members: [member] });
  });
  return clusters
    .filter((c) => c.members.length >= (options.minCount ?? 2))
    .filter((c) => !c.members.every((m) => m.near?.answered === true))
    .sort((a, b) => b.members.length - a.members.length || a.firstSeen - b.firstSeen)
    .map((c) => {
      const near = nearestOf(c.members);
      const locale = near
        ? (c.members.find((m) => m.near?.entryId === near.entryId)?.locale ?? majorityLocale(c.members))
        : majorityLocale(c.members);
      const languages = [...new Set(c.members.map((m) => m.locale))].sort();
      return {
        kind: near ? 'new-phrasing' : 'new-entry',
        count: c.members.length,
        examples: examplesOf(c.members, options.maxExamples ?? 3),
        terms: sharedTerms(c.members),
        languages,
        ...(near ?? {}),
        locale,
        phrasings: examplesOf(
          c.members.filter((m) => m.locale === locale),
          MAX_PHRASINGS,
        ),
      };
    });
}

/** The missed questions recorded with the surveys, each in its conversation's language. */
export function missedQuestionsOf(surveys: readonly SurveyAnswer[]): MissedQuestion[] {
  return surveys.flatMap((s) =>
    s.context.missedQuestions.map((text) => ({ text, locale: s.context.language })),
  );
}
