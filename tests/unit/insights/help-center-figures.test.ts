import { buildInsightsReport, HELP_CENTER_CHANNEL, type SurveyAnswer } from '../../../insights/index';

const record = (id: string, context: Partial<SurveyAnswer['context']>): SurveyAnswer => ({
  context: {
    conversationId: id,
    path: 'bot-only',
    language: 'fr',
    channel: 'webchat',
    kbEntryIds: [],
    missedQuestions: [],
    startedAt: 1_000,
    closedAt: 2_000,
    ...context,
  },
  recordedAt: 2_000,
});

describe('help center figures in the report', () => {
  const chat = record('c1', { kbEntryIds: ['pricing'], answeredAt: 1_500, answerConfirmed: true });
  const votes = [
    record('h1', { channel: HELP_CENTER_CHANNEL, kbEntryIds: ['gift-cards'], answerConfirmed: true }),
    record('h2', { channel: HELP_CENTER_CHANNEL, kbEntryIds: ['gift-cards'], answerConfirmed: false }),
    record('h3', { channel: HELP_CENTER_CHANNEL, kbEntryIds: ['pricing'], answerConfirmed: true }),
    record('h4', { channel: HELP_CENTER_CHANNEL, missedQuestions: ['peinture'] }),
  ];

  test('votes and unanswered searches are counted apart from the conversations', () => {
    const report = buildInsightsReport([chat, ...votes]);
    expect(report.conversations).toBe(1);
    expect(report.deflection).toMatchObject({ count: 1, total: 1 });
    expect(report.topEntries).toEqual([{ key: 'pricing', count: 1 }]);
    expect(report.helpCenter).toEqual({
      helpful: { count: 2, total: 3, rate: 2 / 3 },
      unansweredSearches: 1,
      entries: [
        { entryId: 'gift-cards', yes: 1, no: 1 },
        { entryId: 'pricing', yes: 1, no: 0 },
      ],
    });
  });

  test('without help center records the figures are empty (no rate)', () => {
    expect(buildInsightsReport([chat]).helpCenter).toEqual({
      helpful: { count: 0, total: 0 },
      unansweredSearches: 0,
      entries: [],
    });
  });
});
