import { parseSurveyAnswer, type SurveyAnswer, type SurveyAnswerInput } from '../survey-answer';
import type { CustomerErasure, RecordResult, SurveyStore, TimeRange } from './survey-store';

const byClosedThenId = (a: SurveyAnswer, b: SurveyAnswer): number =>
  a.context.closedAt - b.context.closedAt ||
  (a.context.conversationId < b.context.conversationId
    ? -1
    : a.context.conversationId > b.context.conversationId
      ? 1
      : 0);

/**
 * The embedded store: nothing survives a restart. Records are validated and frozen copies, so a
 * caller mutating its object afterwards changes nothing stored.
 */
export class MemorySurveyStore implements SurveyStore {
  private readonly surveys = new Map<string, SurveyAnswer>();

  async record(input: SurveyAnswerInput): Promise<RecordResult> {
    const parsed = parseSurveyAnswer(structuredClone(input));
    if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
    const id = parsed.survey.context.conversationId;
    const current = this.surveys.get(id);
    if (current && current.recordedAt > parsed.survey.recordedAt) return { ok: false, reason: 'stale' };
    const replaced = current !== undefined;
    this.surveys.set(id, deepFreeze(parsed.survey));
    return { ok: true, survey: parsed.survey, replaced };
  }

  async get(conversationId: string): Promise<SurveyAnswer | undefined> {
    return this.surveys.get(conversationId);
  }

  async list(range: TimeRange): Promise<readonly SurveyAnswer[]> {
    return [...this.surveys.values()]
      .filter((s) => s.context.closedAt >= range.from && s.context.closedAt < range.to)
      .sort(byClosedThenId);
  }

  async conversationsOf(customerId: string): Promise<CustomerErasure['conversations']> {
    return [...this.surveys.values()]
      .filter((s) => s.context.customerId === customerId)
      .map((s) => ({ conversationId: s.context.conversationId, channel: s.context.channel }))
      .sort((a, b) =>
        a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0,
      );
  }

  async eraseCustomer(customerId: string): Promise<CustomerErasure> {
    const conversations = await this.conversationsOf(customerId);
    for (const c of conversations) this.surveys.delete(c.conversationId);
    return { erased: conversations.length, conversations };
  }

  async purgeClosedBefore(cutoff: number): Promise<{ readonly purged: number }> {
    return { purged: this.deleteWhere((s) => s.context.closedAt < cutoff) };
  }

  async dispose(): Promise<void> {
    this.surveys.clear();
  }

  private deleteWhere(test: (s: SurveyAnswer) => boolean): number {
    let n = 0;
    for (const [id, s] of this.surveys) {
      if (test(s)) {
        this.surveys.delete(id);
        n += 1;
      }
    }
    return n;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
