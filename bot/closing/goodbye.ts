import type { Turn } from '../conversation/turn';
import { startClosingSurvey } from './survey-turn';

/** An explicit goodbye closes the conversation: the survey, unless it was already asked. */
export async function sayGoodbye(turn: Turn): Promise<void> {
  turn.data.pending = undefined;
  if (turn.deps.surveys && !turn.data.insights?.surveyed) await turn.say(turn.text.goodbyeSurvey);
  if (!(await startClosingSurvey(turn))) await turn.say(turn.text.goodbye);
}
