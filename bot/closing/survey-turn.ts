import {
  answerFactsOf,
  answerSurvey,
  parseSurveyState,
  startSurvey,
  type ConversationContextInput,
  type SurveyAnswers,
} from '../../insights/index';
import type { Turn } from '../conversation/turn';
import { sayConversationEnded } from '../directline/conversation-ended';
import { noteMissed, pathOf, trailOf } from '../survey/trail';
import { agentTimesFields, type CloseInfo } from './close-info';

/** The record of the conversation as it closes: the dimensions every report is cut by. */
function contextOf(turn: Turn, close: CloseInfo, answers: SurveyAnswers): ConversationContextInput {
  const now = turn.deps.clock().getTime();
  const trail = trailOf(turn.data, turn.deps.clock());
  trail.closedAt ??= now;
  if (answers.answered === false) noteMissed(trail, trail.lastQuestion);
  const activity = turn.context.activity;
  return {
    conversationId: activity.conversation.id,
    ...(turn.customer
      ? { customerId: turn.customer.id }
      : close.customerId
        ? { customerId: close.customerId }
        : {}),
    path: close.path ?? pathOf(turn.data),
    ...(close.outcome ? { outcome: close.outcome } : {}),
    language: turn.locale,
    channel: activity.channelId || 'unknown',
    kbEntryIds: [...trail.kbEntryIds],
    ...(close.agentId ? { agentId: close.agentId } : {}),
    ...(close.waitMs !== undefined ? { waitMs: Math.max(0, Math.round(close.waitMs)) } : {}),
    ...agentTimesFields(close.agentTimes),
    ...(trail.escalation ? { escalationReason: trail.escalation.reason } : {}),
    missedQuestions: [...trail.missedQuestions],
    ...answerFactsOf(trail), // answered / missed / followed up / confirmed: insights' deflection rule
    startedAt: Math.min(trail.startedAt, trail.closedAt),
    closedAt: trail.closedAt,
  };
}

/** Stores the conversation with whatever was answered; a store failure never fails the customer's turn. */
export async function recordClose(turn: Turn, answers: SurveyAnswers): Promise<void> {
  const store = turn.deps.surveys;
  if (!store) return;
  const close = turn.data.insights?.close ?? {};
  try {
    const result = await store.record({
      context: contextOf(turn, close, answers),
      ...answers,
      recordedAt: turn.deps.clock().getTime(),
    });
    if (!result.ok && result.reason === 'invalid')
      turn.deps.log?.error(`survey of ${turn.context.activity.conversation.id} refused`, result.issues);
  } catch (error) {
    turn.deps.log?.error(`survey of ${turn.context.activity.conversation.id} not stored`, error);
  }
}

/**
 * Closes the conversation: records it, then asks the CES question, once per conversation. Returns
 * false when there is nothing to ask (no survey store, or already asked).
 */
export async function startClosingSurvey(turn: Turn, close: CloseInfo = {}): Promise<boolean> {
  if (!turn.deps.surveys) return false;
  const trail = trailOf(turn.data, turn.deps.clock());
  if (trail.surveyed) return false;
  trail.surveyed = true;
  const { customerConfirmedAnswer, ...info } = close;
  trail.close = info;
  const first = startSurvey(info.path ?? pathOf(turn.data), turn.locale, {
    customerConfirmedAnswer: customerConfirmedAnswer ?? trail.answerConfirmed ?? false,
    askNps: turn.deps.surveyQuestions?.askNps ?? false,
  });
  turn.data.survey = first.state;
  await recordClose(turn, first.state.answers);
  await turn.say(first.prompt.text, first.prompt.choices);
  return true;
}

/**
 * A customer message while the survey is open. Returns true when it was a survey reply; false when
 * the survey is dropped (a new question, or an unreadable state) and the message must be routed.
 */
export async function continueSurvey(turn: Turn): Promise<boolean> {
  const state = parseSurveyState(turn.data.survey);
  turn.data.survey = undefined;
  if (!state) return false;
  const next = answerSurvey(state, turn.message, turn.locale);
  switch (next.kind) {
    case 'ask':
      turn.data.survey = next.state;
      await turn.say(next.prompt.text, next.prompt.choices);
      return true;
    case 'done':
      await recordClose(turn, next.answers);
      await turn.say(next.thanks);
      // The survey was the last step: the web chat page starts afresh at the visitor's next visit.
      await sayConversationEnded(turn.context);
      return true;
    case 'dropped':
      await recordClose(turn, next.answers);
      return false;
  }
}
