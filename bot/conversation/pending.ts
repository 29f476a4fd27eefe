import { rebookNextWeek, reportNoShow } from '../requests/no-show';
import { trailOf } from '../survey/trail';
import { escalate } from './escalate';
import { answerWith, miss } from './faq-turn';
import { picks, yesOrNo } from './intents';
import type { Turn } from './turn';

/**
 * Handles a reply to what the bot just asked (Oui/Non, a "did you mean" option, a mission…).
 * Returns false when the message is not such a reply: it is then a new request.
 */
export async function answerPending(turn: Turn): Promise<boolean> {
  const pending = turn.data.pending;
  if (!pending) return false;
  const text = turn.message;
  const reply = yesOrNo(text, turn.locale);
  switch (pending.kind) {
    case 'answer-check': {
      if (reply === 'yes') {
        turn.data.pending = undefined;
        turn.data.misses = 0;
        trailOf(turn.data, turn.deps.clock()).answerConfirmed = true;
        await turn.deps.closing.botResolved(turn);
        return true;
      }
      if (reply === 'no') {
        await escalate(turn, 'answer-refused');
        return true;
      }
      const followUp = pending.followUps.find((f) => picks(text, f.question));
      const entry = followUp && turn.deps.faq.entry(followUp.id, turn.locale);
      if (entry) {
        await answerWith(turn, entry);
        return true;
      }
      return false;
    }
    case 'clarify': {
      const option = pending.options.find((o) => picks(text, o.question));
      const entry = option && turn.deps.faq.entry(option.id, turn.locale);
      if (entry) {
        trailOf(turn.data, turn.deps.clock()).clarified = true;
        await answerWith(turn, entry);
        return true;
      }
      if (picks(text, turn.text.noneOfThese) || reply === 'no') {
        turn.data.pending = undefined;
        await miss(turn);
        return true;
      }
      return false;
    }
    case 'booking-offer':
      if (picks(text, turn.text.bookOneHour) || reply === 'yes') {
        turn.data.pending = undefined;
        await turn.say(turn.text.bookOneHourSteps);
        return true;
      }
      return false;
    case 'no-show-mission': {
      const mission = pending.missions.find((m) => picks(text, m.label) || picks(text, m.id));
      if (!mission) return false;
      await reportNoShow(turn, mission.id);
      return true;
    }
    case 'rebook-offer':
      if (picks(text, turn.text.rebookAction) || reply === 'yes') {
        await rebookNextWeek(turn, pending.missionId);
        return true;
      }
      if (reply === 'no') {
        turn.data.pending = undefined;
        await turn.deps.closing.botResolved(turn);
        return true;
      }
      return false;
    case 'contact-email':
      // Asked while a ticket was open; the bot answers again now, so the question lapsed.
      return false;
    case 'person-offered':
      if (picks(text, turn.text.talkToPerson) || reply === 'yes') {
        await escalate(turn, pending.reason);
        return true;
      }
      return false;
  }
}
