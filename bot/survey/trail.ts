import type { ConversationPath } from '../../insights/index';
import type { ConversationData, InsightsTrail } from '../conversation/state';

/** The trail of a conversation, started on first use (conversations stored before it have none). */
export function trailOf(data: ConversationData, now: Date): InsightsTrail {
  data.insights ??= {
    startedAt: now.getTime(),
    kbEntryIds: [],
    clarified: false,
    missedQuestions: [],
    surveyed: false,
  };
  return data.insights;
}

const MAX_ENTRIES = 100;
const MAX_MISSED = 20;

export function noteEntry(trail: InsightsTrail, entryId: string): void {
  if (!trail.kbEntryIds.includes(entryId) && trail.kbEntryIds.length < MAX_ENTRIES)
    trail.kbEntryIds.push(entryId);
}

export function noteMissed(trail: InsightsTrail, question: string | undefined): void {
  const text = question?.trim().slice(0, 1000);
  if (text && !trail.missedQuestions.includes(text) && trail.missedQuestions.length < MAX_MISSED)
    trail.missedQuestions.push(text);
}

/** Where the conversation went: handed to a person (or a ticket), clarified, or the bot alone. */
export function pathOf(data: ConversationData): ConversationPath {
  const trail = data.insights;
  if (trail?.escalation) return trail.escalation.ticket ? 'ticket' : 'escalated';
  if (data.handoff) return 'escalated';
  return trail?.clarified ? 'clarified' : 'bot-only';
}
