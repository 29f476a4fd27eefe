/**
 * What the bot's answers did in one conversation, noted turn by turn by the bot and recorded with
 * the conversation at its close: the facts the deflection rule reads (docs/insights.md). Plain
 * JSON, kept in the bot's conversation state; every time is ms since the epoch.
 */
export interface AnswerTrail {
  /** The last KB answer the bot gave. */
  answeredAt?: number;
  /** The last "je n'ai pas compris" (a question the bot could not answer). */
  missedAt?: number;
  /** The first new question after the last answer: the customer came back, the answer did not settle it. */
  followUpAt?: number;
}

/** The bot gave a KB answer: it is now the one the customer confirms or lets stand. */
export function noteAnswer(trail: AnswerTrail, at: number): void {
  trail.answeredAt = at;
  delete trail.followUpAt;
}

/** The bot could not answer the question it was just asked. */
export function noteMiss(trail: AnswerTrail, at: number): void {
  trail.missedAt = at;
}

/** A new question went to the FAQ; after an answer, the first one is that answer's follow-up. */
export function noteQuestion(trail: AnswerTrail, at: number): void {
  if (trail.answeredAt !== undefined && trail.followUpAt === undefined) trail.followUpAt = at;
}

/** The recorded fields (ConversationContext) from the bot's trail; absent facts stay absent. */
export function answerFactsOf(trail: {
  readonly answers?: AnswerTrail;
  readonly answerConfirmed?: boolean;
}): { answeredAt?: number; missedAt?: number; followUpAt?: number; answerConfirmed?: boolean } {
  const a = trail.answers ?? {};
  return {
    ...(a.answeredAt !== undefined ? { answeredAt: a.answeredAt } : {}),
    ...(a.missedAt !== undefined ? { missedAt: a.missedAt } : {}),
    ...(a.followUpAt !== undefined ? { followUpAt: a.followUpAt } : {}),
    ...(trail.answerConfirmed ? { answerConfirmed: true } : {}),
  };
}
