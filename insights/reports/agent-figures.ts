import { cesScore, type CesScore } from '../scores';
import type { SurveyAnswer } from '../survey-answer';
import { medianDuration, type MedianDuration } from './median';

/** Below this many CES answers an agent's CES is shown greyed with its n (never hidden). */
export const MIN_AGENT_CES_ANSWERS = 5;

/** One agent's figures over the closed conversations of a period. */
export interface AgentFigures {
  readonly agentId: string;
  /** Closed conversations this agent closed: resolved, answered the ticket, or held at a silent close. */
  readonly handled: number;
  /** Closed conversations this agent held earlier and passed on (transfer, release, requeue). */
  readonly passedOn: number;
  /** Their claim (or the transfer to them) → their first message, ms, over the conversations they resolved. */
  readonly firstReply: MedianDuration;
  /** Their claim → their resolve, ms. */
  readonly handling: MedianDuration;
  /** CES of the conversations they closed (sum / count, as everywhere); absent without answers. */
  readonly ces?: CesScore;
  /** Fewer than MIN_AGENT_CES_ANSWERS CES answers: the figure is shown, greyed, with its count. */
  readonly fewCesAnswers: boolean;
}

export interface AgentFigureOptions {
  /** Agents listed even without a conversation in the period (the deployment's accounts). */
  readonly agentIds?: readonly string[];
  readonly minCesAnswers?: number;
}

interface Tally {
  handled: number;
  passedOn: number;
  firstReply: number[];
  handling: number[];
  ces: number[];
}

/**
 * Per-agent figures, one row per agent, most conversations handled first (then by id). A
 * transferred conversation counts as handled once, for the agent who closed it, and as passed on
 * for each agent who held it before; its times are those of the closing agent's own stint.
 */
export function agentFigures(
  surveys: readonly SurveyAnswer[],
  options: AgentFigureOptions = {},
): AgentFigures[] {
  const min = options.minCesAnswers ?? MIN_AGENT_CES_ANSWERS;
  const tallies = new Map<string, Tally>();
  const tallyOf = (id: string): Tally => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = { handled: 0, passedOn: 0, firstReply: [], handling: [], ces: [] }));
    return t;
  };
  for (const id of options.agentIds ?? []) tallyOf(id);
  const seen = new Set<string>();
  for (const s of surveys) {
    const c = s.context;
    if (seen.has(c.conversationId)) continue;
    seen.add(c.conversationId);
    for (const earlier of new Set(c.earlierAgentIds ?? []))
      if (earlier !== c.agentId) tallyOf(earlier).passedOn += 1;
    if (!c.agentId) continue;
    const t = tallyOf(c.agentId);
    t.handled += 1;
    if (s.ces !== undefined) t.ces.push(s.ces);
    if (c.agentClaimedAt === undefined) continue;
    if (c.agentFirstReplyAt !== undefined && c.agentFirstReplyAt >= c.agentClaimedAt)
      t.firstReply.push(c.agentFirstReplyAt - c.agentClaimedAt);
    if (c.agentResolvedAt !== undefined && c.agentResolvedAt >= c.agentClaimedAt)
      t.handling.push(c.agentResolvedAt - c.agentClaimedAt);
  }
  return [...tallies]
    .map(([agentId, t]): AgentFigures => {
      const ces = cesScore(t.ces);
      return {
        agentId,
        handled: t.handled,
        passedOn: t.passedOn,
        firstReply: medianDuration(t.firstReply),
        handling: medianDuration(t.handling),
        ...(ces ? { ces } : {}),
        fewCesAnswers: t.ces.length < min,
      };
    })
    .sort((a, b) => b.handled - a.handled || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
}
