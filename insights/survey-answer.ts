import { z } from 'zod';
import { conversationContextSchema, type ConversationContext } from './conversation-context';
import { toIssues, type InsightsIssue } from './errors';
import type { CesPoint, CsatPoint, NpsPoint } from './scales';

const point = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * One conversation's closing survey: every answer is optional (each question is skippable), so a
 * record with no answer still tells the reports how the conversation went.
 */
export const surveyAnswerSchema = z.object({
  context: conversationContextSchema,
  /** "À quel point était-ce facile d'obtenir une résolution à votre problème ?" 1 … 5. */
  ces: point(1, 5).optional(),
  /** "Avons-nous répondu à votre question ?" */
  answered: z.boolean().optional(),
  /** "Êtes-vous satisfait du service Client ?" 1 … 5. */
  csat: point(1, 5).optional(),
  /** "Would you recommend…" 0 … 10, only where a deployment asks it. */
  nps: point(0, 10).optional(),
  /** The NPS question was put (answered or not): NPS figures count only these conversations. */
  npsAsked: z.boolean().optional(),
  comment: z.string().min(1).max(2000).optional(),
  /** Last time an answer was added. */
  recordedAt: z.number().int().nonnegative(),
});

/** The parsed record, with the scales' literal types. */
export interface SurveyAnswer {
  readonly context: ConversationContext;
  readonly ces?: CesPoint;
  readonly answered?: boolean;
  readonly csat?: CsatPoint;
  readonly nps?: NpsPoint;
  readonly npsAsked?: boolean;
  readonly comment?: string;
  readonly recordedAt: number;
}

export type SurveyAnswerInput = z.input<typeof surveyAnswerSchema>;

export type SurveyAnswerParse =
  | { readonly ok: true; readonly survey: SurveyAnswer }
  | { readonly ok: false; readonly issues: readonly InsightsIssue[] };

/** Validates a survey from the bot (or from storage); errors name the path (`context.language`). */
export function parseSurveyAnswer(input: unknown): SurveyAnswerParse {
  const parsed = surveyAnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error.issues) };
  // The schema bounds the points to their scales; the cast only narrows number to the literals.
  return { ok: true, survey: parsed.data as SurveyAnswer };
}
