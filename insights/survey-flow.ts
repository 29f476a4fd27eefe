import { z } from 'zod';
import type { Locale } from '../knowledge-base/index';
import type { ConversationPath } from './conversation-context';
import { parseCesReply } from './reply/parse-ces';
import { parseCommentReply } from './reply/parse-comment';
import { parseCsatReply } from './reply/parse-csat';
import { parseNpsReply } from './reply/parse-nps';
import { parseYesNoReply } from './reply/parse-yes-no';
import type { SurveyReply } from './reply/survey-reply';
import type { CesPoint, CsatPoint, NpsPoint } from './scales';
import { surveyText } from './text/index';

/**
 * The closing survey as a pure state machine the bot drives one message at a time: no I/O, and a
 * state that is plain JSON so it lives in the bot's conversation state between turns.
 */
export type SurveyStep = 'ces' | 'answered' | 'csat' | 'nps' | 'comment';
const SURVEY_STEPS = ['ces', 'answered', 'csat', 'nps', 'comment'] as const;

export interface SurveyOptions {
  /** The customer just said the answer helped ("Oui, ça répond"): "did we answer" is not asked. */
  readonly customerConfirmedAnswer?: boolean;
  /** CSAT question; default: asked after an agent or a ticket, not after the bot alone. */
  readonly askCsat?: boolean;
  /** The recommendation question (NPS, 0 … 10); default false: only where a deployment asks it. */
  readonly askNps?: boolean;
  /** Free comment; default true. */
  readonly askComment?: boolean;
}

export interface SurveyAnswers {
  readonly ces?: CesPoint;
  readonly answered?: boolean;
  readonly csat?: CsatPoint;
  readonly nps?: NpsPoint;
  /** The NPS question was put to the customer: the NPS response rate counts only those. */
  readonly npsAsked?: boolean;
  readonly comment?: string;
}

export interface SurveyState {
  readonly steps: readonly SurveyStep[];
  readonly index: number;
  readonly answers: SurveyAnswers;
  /** The current question was already re-asked once after an off-scale reply. */
  readonly retried: boolean;
}

const surveyStateSchema = z.object({
  steps: z.array(z.enum(SURVEY_STEPS)).min(1),
  index: z.number().int().nonnegative(),
  answers: z.object({
    ces: z.number().int().min(1).max(5).optional(),
    answered: z.boolean().optional(),
    csat: z.number().int().min(1).max(5).optional(),
    nps: z.number().int().min(0).max(10).optional(),
    npsAsked: z.boolean().optional(),
    comment: z.string().optional(),
  }),
  retried: z.boolean(),
});

/**
 * A survey state read back from the bot's storage (an edge like any other): undefined when it is
 * not one, so the bot forgets a survey it cannot read instead of failing the customer's turn.
 */
export function parseSurveyState(stored: unknown): SurveyState | undefined {
  const parsed = surveyStateSchema.safeParse(stored);
  // The schema bounds the points to their scales; the cast only narrows number to the literals.
  return parsed.success ? (parsed.data as SurveyState) : undefined;
}

export interface SurveyPrompt {
  readonly step: SurveyStep;
  readonly text: string;
  /** Suggested actions, in order; their labels are accepted as replies. */
  readonly choices: readonly string[];
}

export type SurveyTurn =
  | { readonly kind: 'ask'; readonly state: SurveyState; readonly prompt: SurveyPrompt }
  /** Finished (all answered, or skipped): store the answers, say `thanks`. */
  | { readonly kind: 'done'; readonly answers: SurveyAnswers; readonly thanks: string }
  /** Not an answer: the message is a new question; store what was answered and handle the message. */
  | { readonly kind: 'dropped'; readonly answers: SurveyAnswers };

export function planSurvey(path: ConversationPath, options: SurveyOptions = {}): SurveyStep[] {
  const steps: SurveyStep[] = ['ces'];
  if (!options.customerConfirmedAnswer) steps.push('answered');
  if (options.askCsat ?? (path === 'escalated' || path === 'ticket')) steps.push('csat');
  if (options.askNps ?? false) steps.push('nps');
  if (options.askComment ?? true) steps.push('comment');
  return steps;
}

export function promptFor(step: SurveyStep, locale: Locale): SurveyPrompt {
  const t = surveyText(locale);
  switch (step) {
    case 'ces':
      return {
        step,
        text: t.cesQuestion,
        choices: [...t.cesChoices.map((c) => `${c.value} ${c.label}`), t.skip],
      };
    case 'answered':
      return { step, text: t.answeredQuestion, choices: [t.yes, t.no, t.skip] };
    case 'csat':
      return {
        step,
        text: t.csatQuestion,
        choices: [...t.csatChoices.map((c) => `${c.value} ${c.label}`), t.skip],
      };
    case 'nps':
      return {
        step,
        text: t.npsQuestion,
        choices: [...Array.from({ length: 11 }, (_, n) => String(n)), t.skip],
      };
    case 'comment':
      return { step, text: t.commentPrompt, choices: [t.skip] };
  }
}

/** The first question; ask it with `prompt.text` and `prompt.choices` as suggested actions. */
export function startSurvey(
  path: ConversationPath,
  locale: Locale,
  options: SurveyOptions = {},
): SurveyTurn & { kind: 'ask' } {
  const steps = planSurvey(path, options);
  const state: SurveyState = { steps, index: 0, answers: askedAt(steps[0], {}), retried: false };
  return { kind: 'ask', state, prompt: promptFor(steps[0] ?? 'ces', locale) };
}

/** Notes that the NPS question is about to be put (asked, whether answered or not). */
function askedAt(step: SurveyStep | undefined, answers: SurveyAnswers): SurveyAnswers {
  return step === 'nps' ? { ...answers, npsAsked: true } : answers;
}

/** What a reply adds to the answers: the parser of the step, and where its value goes. */
type Reading =
  | { readonly ok: false; readonly reason: 'not-an-answer' | 'out-of-range' }
  | { readonly ok: true; readonly answers: SurveyAnswers | 'skip' };

function fold<T>(reply: SurveyReply<T>, add: (value: T) => SurveyAnswers): Reading {
  if (!reply.ok) return { ok: false, reason: reply.reason };
  return { ok: true, answers: reply.kind === 'skip' ? 'skip' : add(reply.value) };
}

function read(step: SurveyStep, text: string, answers: SurveyAnswers): Reading {
  switch (step) {
    case 'ces':
      return fold(parseCesReply(text), (ces) => ({ ...answers, ces }));
    case 'answered':
      return fold(parseYesNoReply(text), (answered) => ({ ...answers, answered }));
    case 'csat':
      return fold(parseCsatReply(text), (csat) => ({ ...answers, csat }));
    case 'nps':
      return fold(parseNpsReply(text), (nps) => ({ ...answers, nps }));
    case 'comment':
      return fold(parseCommentReply(text), (comment) => ({ ...answers, comment }));
  }
}

function retryText(step: SurveyStep, locale: Locale): string {
  const t = surveyText(locale);
  return step === 'csat' ? t.csatRetry : step === 'nps' ? t.npsRetry : t.cesRetry;
}

/**
 * One customer message during the survey. A skip word ends the survey (the customer has had
 * enough; what they answered is kept); an off-scale number re-asks once; anything else that is not
 * an answer drops the survey so the bot can answer it as a new question.
 */
export function answerSurvey(state: SurveyState, text: string, locale: Locale): SurveyTurn {
  const step = state.steps[state.index];
  if (step === undefined) return { kind: 'done', answers: state.answers, thanks: surveyText(locale).thanks };
  const reading = read(step, text, state.answers);
  if (!reading.ok) {
    if (reading.reason === 'out-of-range' && !state.retried) {
      const prompt = promptFor(step, locale);
      return {
        kind: 'ask',
        state: { ...state, retried: true },
        prompt: { ...prompt, text: retryText(step, locale) },
      };
    }
    return { kind: 'dropped', answers: state.answers };
  }
  if (reading.answers === 'skip')
    return { kind: 'done', answers: state.answers, thanks: surveyText(locale).thanks };
  const index = state.index + 1;
  const next = state.steps[index];
  const answers = askedAt(next, reading.answers);
  if (next === undefined) return { kind: 'done', answers, thanks: surveyText(locale).thanks };
  return {
    kind: 'ask',
    state: { steps: state.steps, index, answers, retried: false },
    prompt: promptFor(next, locale),
  };
}
