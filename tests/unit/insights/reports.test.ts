import {
  buildInsightsReport,
  percentile,
  parseSurveyAnswer,
  type SurveyAnswer,
  type SurveyAnswerInput,
} from '../../../insights';

const HOUR = 3600 * 1000;
/** Monday 6 January 2025, 10:00 in Paris. */
const MON = Date.UTC(2025, 0, 6, 9, 0, 0);
const TUE = MON + 24 * HOUR;

let n = 0;
function survey(
  context: Partial<SurveyAnswerInput['context']>,
  answers: Partial<SurveyAnswerInput> = {},
): SurveyAnswer {
  n += 1;
  const closedAt = context.closedAt ?? MON;
  const parsed = parseSurveyAnswer({
    context: {
      conversationId: `c${n}`,
      path: 'bot-only',
      language: 'fr',
      channel: 'webchat',
      startedAt: closedAt - 60_000,
      closedAt,
      ...context,
    },
    recordedAt: closedAt,
    ...answers,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.survey;
}

describe('buildInsightsReport', () => {
  const surveys = [
    survey({ kbEntryIds: ['horaires'] }, { ces: 1, answered: true }),
    survey({ kbEntryIds: ['horaires', 'horaires'] }, { ces: 2, answered: true }),
    survey({ path: 'clarified', kbEntryIds: ['reservation'], language: 'en' }, { ces: 2, answered: false }),
    survey(
      {
        path: 'escalated',
        agentId: 'anna',
        waitMs: 30_000,
        escalationReason: 'low-confidence',
        closedAt: TUE,
      },
      { ces: 4, answered: false, csat: 4 },
    ),
    survey(
      {
        path: 'escalated',
        agentId: 'bruno',
        waitMs: 90_000,
        escalationReason: 'asked-for-person',
        channel: 'sms',
        closedAt: TUE,
      },
      { ces: 5, csat: 2, comment: 'Trop long' },
    ),
    survey({ path: 'ticket', escalationReason: 'asked-for-person', closedAt: TUE }, { ces: 3, csat: 5 }),
    // Closed without answering the survey: counts for deflection/escalation, not for CES.
    survey({ path: 'escalated', agentId: 'anna', waitMs: 60_000, closedAt: TUE }),
    survey({ kbEntryIds: ['reservation'] }),
  ];
  const report = buildInsightsReport(surveys);

  it('computes CES overall (17 points / 6 answers) and by day in Paris time', () => {
    expect(report.conversations).toBe(8);
    expect(report.responses).toBe(6);
    expect(report.ces).toMatchObject({ count: 6, sum: 17 });
    expect(report.ces?.value).toBeCloseTo(17 / 6);
    expect(report.cesByDay.map((d) => [d.day, d.ces.sum, d.ces.count])).toEqual([
      ['2025-01-06', 5, 3],
      ['2025-01-07', 12, 3],
    ]);
  });

  it('cuts CES by path, language, channel and agent', () => {
    const values = (r: Readonly<Record<string, { value: number }>>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.value]));
    expect(values(report.cesByPath)).toEqual({ 'bot-only': 1.5, clarified: 2, escalated: 4.5, ticket: 3 });
    expect(values(report.cesByLanguage)).toEqual({ en: 2, fr: 3 });
    expect(values(report.cesByChannel)).toEqual({ sms: 5, webchat: 2.4 });
    expect(values(report.cesByAgent)).toEqual({ anna: 4, bruno: 5 });
  });

  it('reports deflection, escalation and its reasons, wait percentiles, "Non" answers and top entries', () => {
    expect(report.deflection).toEqual({ count: 4, total: 8, rate: 0.5 });
    expect(report.escalation).toEqual({ count: 4, total: 8, rate: 0.5 });
    expect(report.escalationReasons).toEqual([
      { key: 'asked-for-person', count: 2 },
      { key: 'low-confidence', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(report.waitTime).toEqual({ count: 3, p50: 60_000, p90: 90_000, p99: 90_000 });
    expect(report.notAnswered).toEqual({ count: 2, total: 4, rate: 0.5 });
    expect(report.topEntries).toEqual([
      { key: 'horaires', count: 2 },
      { key: 'reservation', count: 2 },
    ]);
    expect(report.csat).toEqual({ count: 3, satisfied: 2, satisfiedPercent: (2 / 3) * 100, mean: 11 / 3 });
    expect(report.nps).toBeUndefined();
  });

  it('has empty figures, not zeros, without data', () => {
    const empty = buildInsightsReport([]);
    expect(empty).toEqual({
      conversations: 0,
      openWithPeople: 0,
      responses: 0,
      cesByDay: [],
      cesByPath: {},
      cesByLanguage: {},
      cesByChannel: {},
      cesByAgent: {},
      deflection: { count: 0, total: 0 },
      unresolved: { count: 0, total: 0 },
      escalation: { count: 0, total: 0 },
      closedSilent: { count: 0, total: 0 },
      escalationReasons: [],
      waitTime: { count: 0 },
      npsResponses: { count: 0, total: 0 },
      notAnswered: { count: 0, total: 0 },
      topEntries: [],
      agents: [],
      helpCenter: { helpful: { count: 0, total: 0 }, unansweredSearches: 0, entries: [] },
    });
  });

  it('takes the conversation list from the caller when it has one', () => {
    const extra = surveys.map((s) => s.context).concat(survey({ path: 'escalated', closedAt: TUE }).context);
    expect(buildInsightsReport(surveys, { conversations: extra }).escalation).toEqual({
      count: 5,
      total: 9,
      rate: 5 / 9,
    });
  });
});

describe('percentile (nearest rank)', () => {
  it('returns observed values', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 90)).toBe(90);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });
});
