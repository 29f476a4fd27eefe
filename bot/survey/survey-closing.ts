import type { ConversationState, TurnContext } from 'botbuilder';
import type { Locale } from '../../knowledge-base/index';
import type { BotDeps } from '../conversation/deps';
import { newConversation, type ConversationData } from '../conversation/state';
import { Turn } from '../conversation/turn';
import type { ClosingHook } from '../ports/closing';
import { sayConversationEnded } from '../directline/conversation-ended';
import { startClosingSurvey, type CloseInfo } from './closing-survey';

/** The property RelaisBot keeps the conversation under (bot/relais-bot.ts). */
const CONVERSATION_PROPERTY = 'relais';

/**
 * Where the closing side puts what only it knows (the agent who resolved, the queue wait) before it
 * calls the closing hook: `context.turnState.set(CLOSE_INFO, { agentId, waitMs })`. The survey
 * records it with the conversation.
 */
export const CLOSE_INFO = Symbol('relais.closeInfo');

/** The property RelaisBot keeps the conversation under, for the other proactive closings. */
export { CONVERSATION_PROPERTY };

function closeInfoOf(context: TurnContext): CloseInfo {
  const info: unknown = context.turnState.get(CLOSE_INFO);
  if (typeof info !== 'object' || info === null) return {};
  const { agentId, waitMs, customerId } = info as Record<string, unknown>;
  return {
    ...(typeof agentId === 'string' && agentId !== '' ? { agentId } : {}),
    ...(typeof customerId === 'string' && customerId !== '' ? { customerId } : {}),
    ...(typeof waitMs === 'number' && Number.isFinite(waitMs) && waitMs >= 0 ? { waitMs } : {}),
  };
}

/**
 * The closing hook with the survey: the given hook thanks the customer, then the CES question is
 * asked (once per conversation). It runs inside a turn that loaded the conversation state and saves
 * it afterwards: the bot's own turns, and the proactive turn an agent's resolve runs.
 */
export function withSurvey(inner: ClosingHook, state: ConversationState, deps: BotDeps): ClosingHook {
  const conversation = state.createProperty<ConversationData>(CONVERSATION_PROPERTY);
  return {
    async onResolved(context: TurnContext, locale: Locale) {
      await inner.onResolved(context, locale);
      const data = await conversation.get(context, newConversation());
      const turn = new Turn(context, data, deps, locale, deps.identify(context.activity));
      await startClosingSurvey(turn, closeInfoOf(context));
    },
  };
}

/** The bot's dependencies with the survey plugged into the closing hook, when there is a survey store. */
export function withSurveyClosing(deps: BotDeps, state: ConversationState): BotDeps {
  return deps.surveys
    ? { ...deps, closing: withSurvey(deps.closing, state, deps) }
    : { ...deps, closing: endingWith(deps.closing) };
}

/** Without a survey the close is the end: the web chat page starts afresh at the next visit. */
function endingWith(inner: ClosingHook): ClosingHook {
  return {
    async onResolved(context: TurnContext, locale: Locale) {
      await inner.onResolved(context, locale);
      await sayConversationEnded(context);
    },
  };
}
