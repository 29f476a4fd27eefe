import {
  answerSurvey,
  buildInsightsReport,
  parseNpsReply,
  planSurvey,
  startSurvey,
  surveyText,
  type SurveyAnswer,
  type SurveyTurn,
} from '../../../insights';

function run(first: SurveyTurn, locale: 'fr' | 'en', ...messages: string[]): SurveyTurn[] {
  const turns: SurveyTurn[] = [first];
  let current = first;
  for (const text of messages) {
    if (current.kind !== 'ask') throw new Error(`survey already ${current.kind}`);
    current = answerSurvey(current.state, text, locale);
    turns.push(current);
  }
  return turns;
}

const last = (turns: SurveyTurn[]) => turns[turns.length - 1];
const answersOf = (turn: SurveyTurn | undefined) =>
  turn && turn.kind !== 'ask' ? turn.answers : turn?.state.answers;

describe('NPS reply', () => {
  test.each([
    ['8', 8],
    ['0', 0],
    ['10', 10],
    ['9/10', 9],
    ['7 sur 10', 7],
    ['huit', 8],
    ['zéro', 0],
    ['dix !', 10],
    ['je dirais sept', 7],
    ['ten', 10],
    ['I would say six', 6],
    ['nine out of 10', 9],
  ])('%s reads as %i', (text, value) => {
    expect(parseNpsReply(text)).toEqual({ ok: true, kind: 'answer', value });
  });

  test('skip words, an off-scale number and a new question', () => {
    expect(parseNpsReply('passer')).toEqual({ ok: true, kind: 'skip' });
    expect(parseNpsReply('no thanks')).toEqual({ ok: true, kind: 'skip' });
    expect(parseNpsReply('11')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseNpsReply('comment annuler une mission')).toEqual({ ok: false, reason: 'not-an-answer' });
  });
});

describe('NPS in the survey flow', () => {
  test('off by default: the survey never asks it', () => {
    expect(planSurvey('escalated')).toEqual(['ces', 'answered', 'csat', 'comment']);
    expect(planSurvey('bot-only', { askNps: true })).toEqual(['ces', 'answered', 'nps', 'comment']);
  });

  test('in French: asked after CSAT, 0 to 10 suggested, answered in words', () => {
    const turns = run(
      startSurvey('escalated', 'fr', { askNps: true }),
      'fr',
      '2',
      'oui',
      '4',
      'neuf',
      'passer',
    );
    const npsTurn = turns[3];
    expect(npsTurn?.kind === 'ask' && npsTurn.prompt).toEqual({
      step: 'nps',
      text: "Quelle est la probabilité que vous recommandiez Mon aide à l'heure à un proche ? De 0 (pas du tout probable) à 10 (très probable).",
      choices: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Passer'],
    });
    expect(last(turns)).toEqual({
      kind: 'done',
      answers: { ces: 2, answered: true, csat: 4, nps: 9, npsAsked: true },
      thanks: surveyText('fr').thanks,
    });
  });

  test('in English: an off-scale note is re-asked once, then a skip keeps npsAsked without a note', () => {
    const turns = run(
      startSurvey('bot-only', 'en', { askNps: true, customerConfirmedAnswer: true }),
      'en',
      '1',
      '12',
      'skip',
    );
    expect(turns.map((t) => (t.kind === 'ask' ? t.prompt.text : t.kind))).toEqual([
      surveyText('en').cesQuestion,
      surveyText('en').npsQuestion,
      surveyText('en').npsRetry,
      'done',
    ]);
    expect(surveyText('en').npsQuestion).toMatch(/^How likely are you to recommend Mon aide à l'heure/);
    expect(answersOf(last(turns))).toEqual({ ces: 1, npsAsked: true });
  });

  test('dropped before the NPS question: not counted as asked', () => {
    const turns = run(
      startSurvey('bot-only', 'fr', { askNps: true }),
      'fr',
      '3',
      'comment réserver une aide ?',
    );
    expect(last(turns)).toEqual({ kind: 'dropped', answers: { ces: 3 } });
  });
});

describe('NPS in the report', () => {
  const survey = (id: string, extra: Partial<SurveyAnswer>): SurveyAnswer => ({
    context: {
      conversationId: id,
      path: 'bot-only',
      language: 'fr',
      channel: 'webchat',
      kbEntryIds: [],
      missedQuestions: [],
      startedAt: 1_000,
      closedAt: 2_000,
    },
    recordedAt: 2_000,
    ...extra,
  });

  test('only conversations where it was asked count; skipped ones lower the response rate, not the NPS', () => {
    const report = buildInsightsReport([
      survey('a', { npsAsked: true, nps: 10 }),
      survey('b', { npsAsked: true, nps: 9 }),
      survey('c', { npsAsked: true, nps: 3 }),
      survey('d', { npsAsked: true }),
      survey('e', { ces: 2 }),
      // A note without the question having been put (an import, a bug): left out of the NPS.
      survey('f', { nps: 0 }),
    ]);
    expect(report.nps).toEqual({
      count: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      promoterPercent: 67,
      detractorPercent: 33,
      value: 34,
    });
    expect(report.npsResponses).toEqual({ count: 3, total: 4, rate: 0.75 });
  });

  test('never asked: no NPS at all, not an NPS of 0', () => {
    const report = buildInsightsReport([survey('e', { ces: 2 })]);
    expect(report.nps).toBeUndefined();
    expect(report.npsResponses).toEqual({ count: 0, total: 0 });
  });
});
