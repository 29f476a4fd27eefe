import {
  agentFigures,
  agentFiguresToCsv,
  buildInsightsReport,
  median,
  parseSurveyAnswer,
  type SurveyAnswer,
  type SurveyAnswerInput,
} from '../../../insights/index';

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const MIN = 60_000;

/** An escalated conversation closed by `agentId`: claimed at T0, first reply and resolve after. */
function closedBy(
  id: string,
  agentId: string | undefined,
  extra: {
    ces?: number;
    firstReplyMin?: number;
    handlingMin?: number;
    earlier?: string[];
    path?: 'escalated' | 'ticket';
  } = {},
): SurveyAnswer {
  const input: SurveyAnswerInput = {
    context: {
      conversationId: id,
      path: extra.path ?? 'escalated',
      language: 'fr',
      channel: 'webchat',
      ...(agentId ? { agentId } : {}),
      ...(extra.firstReplyMin !== undefined || extra.handlingMin !== undefined ? { agentClaimedAt: T0 } : {}),
      ...(extra.firstReplyMin !== undefined ? { agentFirstReplyAt: T0 + extra.firstReplyMin * MIN } : {}),
      ...(extra.handlingMin !== undefined ? { agentResolvedAt: T0 + extra.handlingMin * MIN } : {}),
      ...(extra.earlier ? { earlierAgentIds: extra.earlier } : {}),
      startedAt: T0 - MIN,
      closedAt: T0 + 60 * MIN,
    },
    ...(extra.ces !== undefined ? { ces: extra.ces } : {}),
    recordedAt: T0 + 60 * MIN,
  };
  const parsed = parseSurveyAnswer(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.survey;
}

describe('median', () => {
  test('odd count: the middle value, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([7])).toBe(7);
  });
  test('even count: the mean of the two middle values (not either of them)', () => {
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([1, 2])).toBe(1.5);
  });
  test('no values: no median (not 0)', () => {
    expect(median([])).toBeUndefined();
  });
});

describe('per-agent figures', () => {
  test('median first reply and handling time per agent, odd and even counts', () => {
    const rows = agentFigures([
      closedBy('a1', 'alice', { firstReplyMin: 1, handlingMin: 10, ces: 2 }),
      closedBy('a2', 'alice', { firstReplyMin: 5, handlingMin: 20, ces: 1 }),
      closedBy('a3', 'alice', { firstReplyMin: 3, handlingMin: 12, ces: 3 }),
      closedBy('b1', 'bruno', { firstReplyMin: 2, handlingMin: 8, ces: 4 }),
      closedBy('b2', 'bruno', { firstReplyMin: 4, handlingMin: 30 }),
    ]);
    expect(rows.map((r) => r.agentId)).toEqual(['alice', 'bruno']);
    const [alice, bruno] = rows;
    expect(alice).toMatchObject({
      handled: 3,
      passedOn: 0,
      firstReply: { count: 3, median: 3 * MIN },
      handling: { count: 3, median: 12 * MIN },
      ces: { count: 3, sum: 6, value: 2 },
      fewCesAnswers: true,
    });
    // Two each: the mean of the two.
    expect(bruno).toMatchObject({
      handled: 2,
      firstReply: { count: 2, median: 3 * MIN },
      handling: { count: 2, median: 19 * MIN },
      ces: { count: 1, sum: 4, value: 4 },
    });
  });

  test('a transferred conversation is handled by the agent who closed it and passed on by each earlier holder, once', () => {
    const rows = agentFigures([
      closedBy('t1', 'bruno', {
        firstReplyMin: 2,
        handlingMin: 6,
        earlier: ['alice', 'emma', 'alice'],
        ces: 5,
      }),
      closedBy('t2', 'alice', { earlier: ['bruno'] }),
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.agentId, r]));
    expect(byId.bruno).toMatchObject({ handled: 1, passedOn: 1, ces: { count: 1, sum: 5 } });
    expect(byId.alice).toMatchObject({
      handled: 1,
      passedOn: 1,
      firstReply: { count: 0 },
      handling: { count: 0 },
    });
    // Emma only passed it on: a row, handled 0, and alice's CES does not count towards her.
    expect(byId.emma).toEqual({
      agentId: 'emma',
      handled: 0,
      passedOn: 1,
      firstReply: { count: 0 },
      handling: { count: 0 },
      fewCesAnswers: true,
    });
  });

  test('agents without CES answers keep their row, with no CES; five answers or more are not "few"', () => {
    const surveys = [
      ...[1, 2, 2, 3, 2].map((ces, i) => closedBy(`c${i}`, 'alice', { ces })),
      closedBy('n1', 'bruno', { firstReplyMin: 1, handlingMin: 4 }),
      closedBy('bot', undefined, { ces: 1 }),
    ];
    const rows = agentFigures(surveys, { agentIds: ['alice', 'bruno', 'emma'] });
    expect(rows.map((r) => [r.agentId, r.handled, r.ces?.count ?? 0, r.fewCesAnswers])).toEqual([
      ['alice', 5, 5, false],
      ['bruno', 1, 0, true],
      ['emma', 0, 0, true],
    ]);
    expect(rows[0]?.ces?.value).toBe(2);
    expect(rows[1]).not.toHaveProperty('ces');
  });

  test('tickets count as handled by the agent who answered them, without times; the report carries the rows', () => {
    const report = buildInsightsReport(
      [
        closedBy('k1', 'emma', { path: 'ticket', ces: 3 }),
        closedBy('a1', 'alice', { firstReplyMin: 2, handlingMin: 3 }),
      ],
      { agentIds: ['bruno'] },
    );
    expect(report.agents.map((r) => [r.agentId, r.handled, r.handling.count])).toEqual([
      ['alice', 1, 1],
      ['emma', 1, 0],
      ['bruno', 0, 0],
    ]);
  });

  test('agents.csv: one row per agent, names, ms rounded, CES with sum and count', () => {
    const rows = agentFigures([
      closedBy('a1', 'alice', { firstReplyMin: 1, handlingMin: 10, ces: 2 }),
      closedBy('a2', 'alice', { firstReplyMin: 2, handlingMin: 11, ces: 3 }),
    ]);
    const csv = agentFiguresToCsv(rows, { alice: 'Alice Martin' }, { separator: ';' });
    expect(csv.split('\r\n')).toEqual([
      'agent_id;agent_name;handled;passed_on;first_reply_median_ms;first_reply_count;handling_median_ms;handling_count;ces;ces_sum;ces_count',
      'alice;Alice Martin;2;0;90000;2;630000;2;2.5;5;2',
      '',
    ]);
  });
});
