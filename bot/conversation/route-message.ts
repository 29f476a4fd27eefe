import { explainBookingMinimum, tellContact, tellSupportHours, tellVip } from '../requests/simple-requests';
import { startNoShow } from '../requests/no-show';
import { escalate, waitMinutes } from './escalate';
import { answerFromFaq } from './faq-turn';
import { detectIntent, picks } from './intents';
import { answerPending } from './pending';
import { confirmsAnswer } from '../closing/confirmation';
import { sayGoodbye } from '../closing/goodbye';
import { continueSurvey } from '../closing/survey-turn';
import { answerContact } from '../contact/ask-contact';
import type { Turn } from './turn';

/** Typed words that stop waiting for a person, besides the quick reply. */
const CANCEL_WORDS = new Set(['annuler', 'cancel']);

/**
 * One customer message takes one path: waiting for a person → a reply to the bot's question →
 * a request the bot acts on (or a person asked for) → the FAQ.
 */
export async function routeMessage(turn: Turn): Promise<void> {
  const { data } = turn;
  // A survey reply; a new question drops the survey and goes on below.
  if (data.survey !== undefined && (await continueSurvey(turn))) return;
  if (data.phase === 'handoff-requested') {
    const conversationId = turn.context.activity.conversation.id;
    // The queue owns the answer: while an agent has the conversation, the bot only relays.
    const where = await turn.deps.handoff.customerMessage(
      conversationId,
      turn.message,
      turn.context.activity.id,
      { confirmsAnswer: confirmsAnswer(turn.message, turn.locale) },
    );
    if (where.route === 'agent') return;
    if (where.route === 'ticket-resolved') return turn.deps.closing.ticketResolved(turn, where.agentId);
    if (where.route === 'waiting') {
      if (picks(turn.message, turn.text.backToBot) || CANCEL_WORDS.has(turn.message.toLowerCase()))
        return turn.deps.closing.cancelled(turn);
      // An open ticket: the address asked for, or one typed later (the message is kept for the agent).
      if (await answerContact(turn)) return;
      const told =
        where.position === undefined
          ? turn.text.handoffPending
          : turn.text.handoffStillQueued(where.position, waitMinutes(where.waitMs ?? null));
      return turn.say(told, [turn.text.backToBot]);
    }
    // Handed back (or ended) while the bot state still said "waiting": the bot answers again.
    data.phase = 'bot';
    data.handoff = undefined;
  }
  if (await answerPending(turn)) return;
  data.pending = undefined;
  const intent = detectIntent(turn.message, turn.locale);
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
