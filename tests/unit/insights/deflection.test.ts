import {
  buildInsightsReport,
  DEFAULT_DEFLECTION_QUIET_MS,
  noteAnswer,
  noteMiss,
  noteQuestion,
  answerFactsOf,
  parseSurveyAnswer,
  resolutionOf,
  type AnswerTrail,
  type OpenConversation,
  type SurveyAnswer,
  type SurveyAnswerInput,
} from '../../../insights';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);

let n = 0;
function closed(
  context: Partial<SurveyAnswerInput['context']>,
  answers: Partial<SurveyAnswerInput> = {},
): SurveyAnswer {
  n += 1;
  const parsed = parseSurveyAnswer({
    context: {
      conversationId: `d${n}`,
      path: 'bot-only',
      language: 'fr',
      channel: 'webchat',
      startedAt: T0,
      closedAt: T0 + 60 * MIN,
      ...context,
    },
    recordedAt: T0 + 60 * MIN,
    ...answers,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.survey;
}

/** The facts the bot notes, turn by turn, as the bot notes them (answer-trail.ts). */
function played(steps: ReadonlyArray<['question' | 'answer' | 'miss', number]>, confirmed = false) {
  const answers: AnswerTrail = {};
  for (const [step, minute] of steps) {
    const at = T0 + minute * MIN;
    if (step === 'question') noteQuestion(answers, at);
    else if (step === 'answer') noteAnswer(answers, at);
    else noteMiss(answers, at);
  }
  return answerFactsOf({ answers, ...(confirmed ? { answerConfirmed: true } : {}) });
}

const withEntry = { kbEntryIds: ['payment-methods'] };

describe('who resolved a conversation (the deflection rule)', () => {
  it('answered and confirmed ("Oui"): the assistant', () => {
    const c = closed({
      ...withEntry,
      ...played(
        [
          ['question', 0],
          ['answer', 0],
        ],
        true,
      ),
    }).context;
    expect(resolutionOf(c)).toBe('assistant');
  });

  it('answered, then a new question only after the quiet period: the assistant', () => {
    const facts = played([
      ['question', 0],
      ['answer', 0],
      ['question', 30],
    ]);
    expect(facts.followUpAt! - facts.answeredAt!).toBe(DEFAULT_DEFLECTION_QUIET_MS);
    expect(resolutionOf(closed({ ...withEntry, ...facts }).context)).toBe('assistant');
  });

  it('answered, then a new question within the quiet period that the bot did not settle: unresolved', () => {
    const c = closed({
      ...withEntry,
      ...played([
        ['question', 0],
        ['answer', 0],
        ['question', 29],
      ]),
    }).context;
    expect(resolutionOf(c)).toBe('unresolved');
    // The quiet period is a setting: 10 minutes makes the same conversation the assistant's.
    expect(resolutionOf(c, 10 * MIN)).toBe('assistant');
  });

  it('answered with nothing after it (a goodbye closed it): the assistant', () => {
    expect(
      resolutionOf(
        closed({
          ...withEntry,
          ...played([
            ['question', 0],
            ['answer', 0],
          ]),
        }).context,
      ),
    ).toBe('assistant');
  });

  it('a follow-up the bot answered too: its answer is the one judged', () => {
    const facts = played([
      ['question', 0],
      ['answer', 0],
      ['question', 2],
      ['answer', 2],
    ]);
    expect(facts.followUpAt).toBeUndefined();
    expect(resolutionOf(closed({ ...withEntry, ...facts }).context)).toBe('assistant');
  });

  it('"je n\'ai pas compris" then goodbye: unresolved, even after an earlier answer', () => {
    expect(
      resolutionOf(
        closed(
          played([
            ['question', 0],
            ['miss', 0],
          ]),
        ).context,
      ),
    ).toBe('unresolved');
    const late = played([
      ['question', 0],
      ['answer', 0],
      ['question', 45],
      ['miss', 45],
    ]);
    expect(resolutionOf(closed({ ...withEntry, ...late }).context)).toBe('unresolved');
  });

  it('never answered at all (hello, goodbye): unresolved', () => {
    expect(resolutionOf(closed({}).context)).toBe('unresolved');
  });

  it('escalated or ticket: people, whatever the bot did before', () => {
    expect(resolutionOf(closed({ path: 'escalated', ...played([['answer', 0]], true) }).context)).toBe(
      'people',
    );
    expect(resolutionOf(closed({ path: 'ticket' }).context)).toBe('people');
  });

  it('records from before these facts (entries only) keep counting as answered', () => {
    expect(resolutionOf(closed(withEntry).context)).toBe('assistant');
  });
});

describe('the report: three shares that add up, open conversations counted once', () => {
  const open = (id: string, state: OpenConversation['state'] = 'ticket'): OpenConversation => ({
    conversationId: id,
    state,
    escalationReason: 'customer-request',
    escalatedAt: T0,
  });

  it("the issue's case: three misses then goodbye and three open tickets", () => {
    const misses = [1, 2, 3].map(() =>
      closed(
        played([
          ['question', 0],
          ['miss', 0],
        ]),
      ),
    );
    const report = buildInsightsReport(misses, { open: [open('t1'), open('t2'), open('t3')] });
    expect(report.conversations).toBe(6);
    expect(report.openWithPeople).toBe(3);
    expect(report.deflection).toEqual({ count: 0, total: 6, rate: 0 });
    expect(report.unresolved).toEqual({ count: 3, total: 6, rate: 0.5 });
    expect(report.escalation).toEqual({ count: 3, total: 6, rate: 0.5 });
    expect(report.escalationReasons).toEqual([{ key: 'customer-request', count: 3 }]);
  });

  it('queued and with-agent conversations are handed over too', () => {
    const report = buildInsightsReport([], { open: [open('q1', 'queued'), open('a1', 'with-agent')] });
    expect(report.escalation).toEqual({ count: 2, total: 2, rate: 1 });
  });

  it('a conversation is never counted twice: one open and recorded counts once, as open', () => {
    const earlier = closed({ conversationId: 'back-again', ...withEntry, ...played([['answer', 0]], true) });
    const report = buildInsightsReport([earlier], { open: [open('back-again'), open('back-again')] });
    expect(report.conversations).toBe(1);
    expect(report.deflection).toEqual({ count: 0, total: 1, rate: 0 });
    expect(report.escalation).toEqual({ count: 1, total: 1, rate: 1 });
  });

  it('a closed ticket is counted once, from its record', () => {
    const ticket = closed({ conversationId: 'closed-ticket', path: 'ticket' });
    const report = buildInsightsReport([ticket, ticket], { open: [] });
    expect(report.conversations).toBe(1);
    expect(report.escalation).toEqual({ count: 1, total: 1, rate: 1 });
  });

  it('the shares add up to every conversation', () => {
    const report = buildInsightsReport(
      [
        closed({ ...withEntry, ...played([['answer', 0]], true) }),
        closed({
          ...withEntry,
          ...played([
            ['answer', 0],
            ['question', 5],
          ]),
        }),
        closed(played([['miss', 0]])),
        closed({ path: 'escalated' }),
      ],
      { open: [open('o1')], quietMs: DEFAULT_DEFLECTION_QUIET_MS },
    );
    const { deflection, unresolved, escalation, conversations } = report;
    expect([deflection.count, unresolved.count, escalation.count]).toEqual([1, 2, 2]);
    expect(deflection.count + unresolved.count + escalation.count).toBe(conversations);
  });
});
