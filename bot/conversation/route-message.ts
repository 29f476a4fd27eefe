import { explainBookingMinimum, tellContact, tellSupportHours, tellVip } from '../requests/simple-requests';
import { startNoShow } from '../requests/no-show';
import { escalate } from './escalate';
import { answerFromFaq } from './faq-turn';
import { detectIntent, picks } from './intents';
import { answerPending } from './pending';
import { continueSurvey } from '../survey/closing-survey';
import { sayGoodbye } from '../survey/goodbye';
import type { Turn } from './turn';

/**
 * One customer message takes one path: waiting for a person → a reply to the bot's question →
 * a request the bot acts on (or a person asked for) → the FAQ.
 */
export async function routeMessage(turn: Turn): Promise<void> {
  const { data } = turn;
  // A survey reply; a new question drops the survey and goes on below.
  if (data.survey !== undefined && (await continueSurvey(turn))) return;
  if (data.phase === 'handoff-requested') {
    if (picks(turn.message, turn.text.backToBot)) {
      await turn.deps.handoff.cancelHandoff(turn.context.activity.conversation.id);
      data.phase = 'bot';
      data.handoff = undefined;
      return turn.say(turn.text.handoffCancelled);
    }
    return turn.say(turn.text.handoffPending, [turn.text.backToBot]);
  }
  if (await answerPending(turn)) return;
  data.pending = undefined;
  const intent = detectIntent(turn.message);
  // A request the bot understood breaks a run of misses.
  if (intent !== undefined) data.misses = 0;
  switch (intent) {
    case 'human':
      return escalate(turn, 'customer-request');
    case 'frustration':
      return escalate(turn, 'frustration');
    case 'no-show':
      return startNoShow(turn);
    case 'booking-minimum':
      return explainBookingMinimum(turn);
    case 'support-hours':
      return tellSupportHours(turn);
    case 'contact':
      return tellContact(turn);
    case 'vip':
      return tellVip(turn);
    case 'greeting':
      return turn.say(turn.text.greeting);
    case 'thanks':
      return turn.say(turn.text.thanks);
    case 'goodbye':
      return sayGoodbye(turn);
    case undefined:
      return answerFromFaq(turn);
  }
}
