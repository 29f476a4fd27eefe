import type { Decision } from '../../knowledge-base/index';
import type { HandoffQueue, ConversationRecord } from '../../handoff/index';
import type { SurveyStore } from '../../insights/index';
import type { RelayLog, NewRelayLine } from '../agent/relay-log';
import type { FaqPort } from '../conversation/deps';
import { withOverrides } from '../metrics/observe';
import type { HandoffPort, HandoffRequest } from '../ports/handoff';
import type { HistoryRecorder } from './history-recorder';
import type { HistoryEvent, HistoryFacts, HistoryQueue, HistoryState, NewHistoryLine } from './history-store';

/*
 * Decorators that copy what passes through the bot's ports into the history: the FAQ's decisions,
 * escalations, the queue's transitions, the agents' lines and the closing record. They change no
 * result; a history write that fails is logged by the recorder.
 */

/** The matcher's decision on the current turn's customer message: entry, confidence, reason. */
export function recordFaq(faq: FaqPort, recorder: HistoryRecorder, now: () => number): FaqPort {
  return withOverrides(faq, {
    match: async (text: string, options?: Parameters<FaqPort['match']>[1]) => {
      const decision = await faq.match(text, options);
      const conversationId = recorder.currentConversation();
      if (conversationId) await recorder.record(conversationId, [decisionLine(decision, now())]);
      return decision;
    },
  });
}

function decisionLine(decision: Decision, at: number): NewHistoryLine {
  const entryId =
    decision.decision === 'answer'
      ? decision.entry.id
      : decision.decision === 'escalate'
        ? decision.entry?.id
        : decision.options[0]?.id;
  const reason =
    decision.decision === 'escalate' ? `${decision.reason}: ${decision.explanation}` : decision.explanation;
  return {
    kind: 'decision',
    at,
    decision: decision.decision,
    ...(entryId ? { entryId } : {}),
    confidence: decision.confidence,
    reason,
    candidates: decision.candidates.map((c) => ({ id: c.id, score: c.score })),
  };
}

/** Same classes as bot/agent/queue-handoff-port.ts: the queue a conversation waits in. */
const queueOf = (request: HandoffRequest): HistoryQueue =>
  request.context.customer?.vip ? 'vip' : request.context.customer?.b2b ? 'b2b' : 'standard';

export function recordHandoff(
  handoff: HandoffPort,
  recorder: HistoryRecorder,
  now: () => number,
): HandoffPort {
  return withOverrides(handoff, {
    requestHandoff: async (request) => {
      const outcome = await handoff.requestHandoff(request);
      const match = request.context.match;
      const decision: NewHistoryLine = {
        kind: 'decision',
        at: now(),
        decision: 'handoff',
        reason: request.reason,
        ...(match?.entryId ? { entryId: match.entryId } : {}),
        ...(match ? { confidence: match.confidence } : {}),
      };
      const facts: HistoryFacts =
        outcome.status === 'ticket'
          ? { state: 'ticket', path: 'ticket', queue: queueOf(request), language: request.locale }
          : outcome.status === 'queued'
            ? { state: 'queued', path: 'escalated', queue: queueOf(request), language: request.locale }
            : {};
      const event: NewHistoryLine = { kind: 'event', at: now(), event: outcome.status };
      await recorder.record(request.conversationId, [decision, event], facts);
      return outcome;
    },
    cancelHandoff: async (conversationId) => {
      await handoff.cancelHandoff(conversationId);
      await recorder.record(conversationId, [{ kind: 'event', at: now(), event: 'cancelled' }], {
        state: 'bot',
      });
    },
  });
}

const STATE_OF: Readonly<Record<ConversationRecord['state'], HistoryState>> = {
  bot: 'bot',
  queued: 'queued',
  'with-agent': 'with-agent',
  ticket: 'ticket',
  // Answered and awaiting the customer's reply: still a ticket case for whoever searches.
  answered: 'ticket',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'bot',
};

type Transition = (conversationId: string, agentId: string, ...rest: never[]) => Promise<unknown>;

/** Claims, transfers, releases, hand-backs and resolves: the state and the agents who held it. */
export function recordQueue(queue: HandoffQueue, recorder: HistoryRecorder, now: () => number): HandoffQueue {
  const after = async (result: unknown, event: HistoryEvent): Promise<void> => {
    const outcome = result as { ok: boolean; conversation?: ConversationRecord };
    const record = outcome.ok ? outcome.conversation : undefined;
    if (!record) return;
    await recorder.record(
      record.id,
      [{ kind: 'event', at: now(), event, ...(record.agentId ? { text: record.agentId } : {}) }],
      {
        state: STATE_OF[record.state],
        ...(record.agentId ? { agentId: record.agentId } : {}),
      },
    );
  };
  const wrap = <K extends 'claim' | 'release' | 'transfer' | 'handBack' | 'resolve' | 'answerTicket'>(
    name: K,
    event: HistoryEvent,
  ): Partial<HandoffQueue> => {
    const original = queue[name].bind(queue) as unknown as Transition;
    const wrapped = async (...args: Parameters<Transition>) => {
      const result = await original(...args);
      await after(result, event);
      return result;
    };
    return { [name]: wrapped } as Partial<HandoffQueue>;
  };
  return withOverrides(queue, {
    claimNext: async (agentId: string) => {
      const result = await queue.claimNext(agentId);
      await after(result, 'claimed');
      return result;
    },
    ...wrap('claim', 'claimed'),
    ...wrap('release', 'released'),
    ...wrap('transfer', 'transferred'),
    ...wrap('handBack', 'handed-back'),
    ...wrap('resolve', 'resolved'),
    ...wrap('answerTicket', 'ticket-answered'),
  });
}

/** Agent and system lines of the relay log (the customer's are logged by the turn middleware). */
export function recordRelay(store: RelayLog, recorder: HistoryRecorder): RelayLog {
  const copy = async (conversationId: string, line: NewRelayLine): Promise<void> => {
    if (line.from === 'agent')
      await recorder.record(
        conversationId,
        [
          {
            kind: 'message',
            from: 'agent',
            text: line.text,
            at: line.at,
            ...(line.agentId ? { agentId: line.agentId } : {}),
          },
        ],
        line.agentId ? { agentId: line.agentId } : {},
      );
    else if (line.from === 'note' && line.agentId)
      await recorder.record(conversationId, [
        {
          kind: 'note',
          at: line.at,
          agentId: line.agentId,
          text: line.text,
          ...(line.mentions ? { mentions: line.mentions } : {}),
        },
      ]);
    else if (line.from === 'system')
      await recorder.record(conversationId, [
        { kind: 'event', at: line.at, event: 'system', text: line.text },
      ]);
  };
  return withOverrides(store, {
    append: async (conversationId, line) => {
      const stored = await store.append(conversationId, line);
      await copy(conversationId, line);
      return stored;
    },
    appendOnce: async (conversationId, key, line) => {
      const result = await store.appendOnce(conversationId, key, line);
      if (result.created) await copy(conversationId, line);
      return result;
    },
  });
}

/** The closing record: how it ended, its path, the agent, and the CES once answered. */
export function recordSurveys(surveys: SurveyStore, recorder: HistoryRecorder): SurveyStore {
  return withOverrides(surveys, {
    record: async (input) => {
      const result = await surveys.record(input);
      if (result.ok) {
        const { context, ces } = result.survey;
        await recorder.record(context.conversationId, [], {
          state: context.outcome === 'closed-silent' ? 'closed' : 'resolved',
          path: context.path,
          language: context.language,
          closedAt: context.closedAt,
          channel: context.channel,
          ...(context.agentId ? { agentId: context.agentId } : {}),
          ...(ces !== undefined ? { ces } : {}),
        });
      }
      return result;
    },
  });
}
