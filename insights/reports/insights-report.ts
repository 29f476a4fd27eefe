import { BOT_PATHS, type ConversationContext } from '../conversation-context';
import type { OpenConversation } from '../deflection/open-conversation';
import { resolutionOf } from '../deflection/resolution';
import { cesScore, csatScore, npsScore, type CesScore, type CsatScore, type NpsScore } from '../scores';
import type { SurveyAnswer } from '../survey-answer';
import { agentFigures, type AgentFigures } from './agent-figures';
import { calendarDay } from './calendar-day';
import {
  HELP_CENTER_CHANNEL,
  helpCenterFigures,
  isHelpCenterRecord,
  type HelpCenterFigures,
} from './help-center-figures';
import { waitTimePercentiles, type WaitTimePercentiles } from './percentiles';

/** A share: count out of total, rate = count / total (0 … 1; undefined when total is 0). */
export interface Share {
  readonly count: number;
  readonly total: number;
  readonly rate?: number;
}

export interface CountedKey {
  readonly key: string;
  readonly count: number;
}

export interface DayCes {
  readonly day: string;
  readonly ces: CesScore;
}

export interface InsightsReport {
  /** Conversations reported on: closed (with or without a survey answer) and still with people. */
  readonly conversations: number;
  /** Of those, still with people (queued, with an agent, open ticket): no survey record yet. */
  readonly openWithPeople: number;
  /** Surveys with at least one answer. */
  readonly responses: number;
  readonly ces?: CesScore;
  /** One row per calendar day that has a CES answer, oldest first. */
  readonly cesByDay: readonly DayCes[];
  readonly cesByPath: Readonly<Record<string, CesScore>>;
  readonly cesByLanguage: Readonly<Record<string, CesScore>>;
  readonly cesByChannel: Readonly<Record<string, CesScore>>;
  /** Escalated conversations only, by the agent who resolved them. */
  readonly cesByAgent: Readonly<Record<string, CesScore>>;
  readonly csat?: CsatScore;
  /** From the conversations where the NPS question was asked (a deployment option). */
  readonly nps?: NpsScore;
  /** NPS answers out of the conversations where it was asked. */
  readonly npsResponses: Share;
  /**
   * Resolved by the assistant: a KB answer confirmed by the customer, or left standing with no new
   * question within the quiet period (DEFLECTION_QUIET_MIN).
   */
  readonly deflection: Share;
  /** Neither the assistant nor people: the bot's last word was a miss, or it never answered. */
  readonly unresolved: Share;
  /** Conversations closed on customer silence, out of all (they have no survey answers). */
  readonly closedSilent: Share;
  /** Handed to people: path escalated or ticket, and every conversation still with people. */
  readonly escalation: Share;
  /** Why they escalated, most frequent first ("unknown" when the bot did not say). */
  readonly escalationReasons: readonly CountedKey[];
  /** Queue waits of escalated conversations, ms. */
  readonly waitTime: WaitTimePercentiles;
  /** "Non" to "Avons-nous répondu à votre question ?", out of those who answered it. */
  readonly notAnswered: Share;
  /** KB entries by the number of conversations that used them, most first, ties by id. */
  readonly topEntries: readonly CountedKey[];
  /** One row per agent: handled, passed on, median first reply and handling time, CES. */
  readonly agents: readonly AgentFigures[];
  /** The help center's votes and unanswered searches (not conversations: left out of the rest). */
  readonly helpCenter: HelpCenterFigures;
}

export interface ReportOptions {
  /** Calendar days are cut in this zone; default Europe/Paris (Mon aide à l'heure). */
  readonly timeZone?: string;
  /** Length of topEntries; default 10. */
  readonly topEntries?: number;
  /**
   * Closed conversations, when the caller has more than the surveys' own contexts (e.g. from the
   * handoff store); default: the context of every survey, each conversation once.
   */
  readonly conversations?: readonly ConversationContext[];
  /** Conversations still with people (the handoff queue's records); a closed record of the same id loses. */
  readonly open?: readonly OpenConversation[];
  /** An answer left this long without a new question settled it; default 30 minutes. */
  readonly quietMs?: number;
  /** Agents listed in `agents` even without a conversation in the period (the accounts). */
  readonly agentIds?: readonly string[];
}

const share = (count: number, total: number): Share =>
  total === 0 ? { count, total } : { count, total, rate: count / total };

function countKeys(keys: Iterable<string>, limit = Infinity): CountedKey[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}

function cesBy(
  surveys: readonly SurveyAnswer[],
  keyOf: (s: SurveyAnswer) => string | undefined,
): Record<string, CesScore> {
  const points = new Map<string, number[]>();
  for (const s of surveys) {
    const key = keyOf(s);
    if (s.ces === undefined || key === undefined) continue;
    const list = points.get(key) ?? [];
    list.push(s.ces);
    points.set(key, list);
  }
  const out: Record<string, CesScore> = {};
  for (const key of [...points.keys()].sort()) {
    const score = cesScore(points.get(key) ?? []);
    if (score) out[key] = score;
  }
  return out;
}

const hasAnswer = (s: SurveyAnswer): boolean =>
  s.ces !== undefined ||
  s.answered !== undefined ||
  s.csat !== undefined ||
  s.nps !== undefined ||
  s.comment !== undefined;

function uniqueConversations(surveys: readonly SurveyAnswer[]): ConversationContext[] {
  const byId = new Map<string, ConversationContext>();
  for (const s of surveys) byId.set(s.context.conversationId, s.context);
  return [...byId.values()];
}

function uniqueOpen(open: readonly OpenConversation[]): Map<string, OpenConversation> {
  return new Map(open.map((o) => [o.conversationId, o]));
}

/** Every figure of the support manager's dashboard, from stored surveys; pure and deterministic. */
export function buildInsightsReport(
  records: readonly SurveyAnswer[],
  options: ReportOptions = {},
): InsightsReport {
  const surveys = records.filter((s) => !isHelpCenterRecord(s));
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const open = uniqueOpen(options.open ?? []);
  // Still with people now: its earlier close (if any) is not how it ends; counted once, as open.
  const conversations = (options.conversations ?? uniqueConversations(surveys)).filter(
    (c) => !open.has(c.conversationId) && c.channel !== HELP_CENTER_CHANNEL,
  );
  const total = conversations.length + open.size;
  const escalated = conversations.filter((c) => !BOT_PATHS.has(c.path));
  const resolutions = conversations.map((c) => resolutionOf(c, options.quietMs));
  const counted = (r: string) => resolutions.filter((x) => x === r).length;
  const ces = surveys.flatMap((s) => (s.ces === undefined ? [] : [s.ces]));
  const days = cesBy(surveys, (s) => calendarDay(s.context.closedAt, timeZone));
  const didWeAnswer = surveys.flatMap((s) => (s.answered === undefined ? [] : [s.answered]));
  const csat = csatScore(surveys.flatMap((s) => (s.csat === undefined ? [] : [s.csat])));
  // Only where the question was put: a deployment that never asks it has no NPS, not an NPS of 0.
  const npsAsked = surveys.filter((s) => s.npsAsked === true);
  const npsNotes = npsAsked.flatMap((s) => (s.nps === undefined ? [] : [s.nps]));
  const nps = npsScore(npsNotes);
  const cesOverall = cesScore(ces);
  return {
    conversations: total,
    openWithPeople: open.size,
    responses: surveys.filter(hasAnswer).length,
    ...(cesOverall ? { ces: cesOverall } : {}),
    cesByDay: Object.entries(days).map(([day, score]) => ({ day, ces: score })),
    cesByPath: cesBy(surveys, (s) => s.context.path),
    cesByLanguage: cesBy(surveys, (s) => s.context.language),
    cesByChannel: cesBy(surveys, (s) => s.context.channel),
    cesByAgent: cesBy(surveys, (s) => s.context.agentId),
    ...(csat ? { csat } : {}),
    ...(nps ? { nps } : {}),
    npsResponses: share(npsNotes.length, npsAsked.length),
    deflection: share(counted('assistant'), total),
    unresolved: share(counted('unresolved'), total),
    escalation: share(counted('people') + open.size, total),
    closedSilent: share(conversations.filter((c) => c.outcome === 'closed-silent').length, total),
    escalationReasons: countKeys([
      ...escalated.map((c) => c.escalationReason ?? 'unknown'),
      ...[...open.values()].map((o) => o.escalationReason ?? 'unknown'),
    ]),
    waitTime: waitTimePercentiles(escalated.flatMap((c) => (c.waitMs === undefined ? [] : [c.waitMs]))),
    notAnswered: share(didWeAnswer.filter((a) => !a).length, didWeAnswer.length),
    topEntries: countKeys(
      conversations.flatMap((c) => [...new Set(c.kbEntryIds)]),
      options.topEntries ?? 10,
    ),
    agents: agentFigures(surveys, options.agentIds ? { agentIds: options.agentIds } : {}),
    helpCenter: helpCenterFigures(records.filter(isHelpCenterRecord)),
  };
}
