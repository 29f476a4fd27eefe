import type { Decision, Entry } from '../../knowledge-base/index';
import { noteAnswer, noteMiss, noteQuestion } from '../../insights/index';
import { noteEntry, trailOf } from '../survey/trail';
import { escalate } from './escalate';
import type { Turn } from './turn';

/** The entry in the conversation's language when it exists (ids are shared across languages). */
function localised(turn: Turn, entry: Entry): Entry {
  return turn.deps.faq.entry(entry.id, turn.locale) ?? entry;
}

/** Gives an FAQ answer, then asks whether it answered, offering the entry's follow-ups too. */
export async function answerWith(turn: Turn, found: Entry, decision?: Decision): Promise<void> {
  const entry = localised(turn, found);
  const trail = trailOf(turn.data, turn.deps.clock());
  noteEntry(trail, entry.id);
  noteAnswer((trail.answers ??= {}), turn.deps.clock().getTime());
  await turn.say(entry.answer);
  if (entry.escalate) return escalate(turn, 'entry-escalate', decision);
  const followUps = entry.followUps
    .map((id) => turn.deps.faq.entry(id, turn.locale))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, 2)
    .map((e) => ({ id: e.id, question: e.question }));
  turn.data.misses = 0;
  turn.data.pending = { kind: 'answer-check', entryId: entry.id, followUps };
  await turn.say(turn.text.answerCheck, [turn.text.yes, turn.text.no, ...followUps.map((f) => f.question)]);
}

/** Counts a message the bot could not answer; the second in a row goes to a person. */
export async function miss(turn: Turn, decision?: Decision): Promise<void> {
  turn.data.misses += 1;
  noteMiss((trailOf(turn.data, turn.deps.clock()).answers ??= {}), turn.deps.clock().getTime());
  if (turn.data.misses >= 2) return escalate(turn, 'repeated-misses', decision);
  turn.data.pending = { kind: 'person-offered', reason: 'low-confidence' };
  await turn.say(turn.text.notUnderstood, [turn.text.talkToPerson]);
}

/** Asks the matcher and acts on its decision: answer, "did you mean", or a person. */
export async function answerFromFaq(turn: Turn): Promise<void> {
  const trail = trailOf(turn.data, turn.deps.clock());
  trail.lastQuestion = turn.message;
  noteQuestion((trail.answers ??= {}), turn.deps.clock().getTime());
  const decision = await turn.deps.faq.match(turn.message, { locale: turn.locale });
  switch (decision.decision) {
    case 'answer':
      return answerWith(turn, decision.entry, decision);
    case 'clarify': {
      const options = decision.options
        .map((e) => localised(turn, e))
        .map((e) => ({ id: e.id, question: e.question }));
      turn.data.pending = { kind: 'clarify', options };
      return turn.say(turn.text.clarify, [...options.map((o) => o.question), turn.text.noneOfThese]);
    }
    case 'escalate':
      if (decision.reason === 'entry-escalate' && decision.entry)
        return answerWith(turn, decision.entry, decision);
      // Low confidence counts as a miss: the first offers a person in one click, the second hands over.
      return miss(turn, decision);
  }
}
