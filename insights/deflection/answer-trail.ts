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

/** At most this many missed questions are kept with a conversation (the record's limit). */
const MAX_MISSED = 20;

/**
 * The recorded fields (ConversationContext) from the bot's trail; absent facts stay absent. When
 * the bot's last word was "je n'ai pas compris", that question joins the missed questions: it is
 * a question the KB lacks, whether the customer then left or asked for a person.
 */
export function answerFactsOf(trail: {
  readonly answers?: AnswerTrail;
  readonly answerConfirmed?: boolean;
  readonly lastQuestion?: string;
  readonly missedQuestions?: readonly string[];
}): {
  answeredAt?: number;
  missedAt?: number;
  followUpAt?: number;
  answerConfirmed?: boolean;
  missedQuestions?: string[];
} {
  const a = trail.answers ?? {};
  const missedLast = a.missedAt !== undefined && (a.answeredAt === undefined || a.missedAt > a.answeredAt);
  const question = trail.lastQuestion?.trim().slice(0, 1000);
  const missed = trail.missedQuestions ?? [];
  const addMissed = missedLast && question && !missed.includes(question) && missed.length < MAX_MISSED;
  return {
    ...(a.answeredAt !== undefined ? { answeredAt: a.answeredAt } : {}),
    ...(a.missedAt !== undefined ? { missedAt: a.missedAt } : {}),
    ...(a.followUpAt !== undefined ? { followUpAt: a.followUpAt } : {}),
    ...(trail.answerConfirmed ? { answerConfirmed: true } : {}),
    ...(addMissed ? { missedQuestions: [...missed, question] } : {}),
  };
}
