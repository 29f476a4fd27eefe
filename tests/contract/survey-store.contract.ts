import { buildInsightsReport, type SurveyAnswerInput, type SurveyStore } from '../../insights';

export type SurveyStoreFactory = () => Promise<SurveyStore>;

const DAY = 24 * 3600 * 1000;
/** Monday 6 January 2025, 10:00 in Paris. */
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function survey(
  id: string,
  closedAt: number,
  extra: Partial<SurveyAnswerInput> = {},
  customerId?: string,
): SurveyAnswerInput {
  return {
    context: {
      conversationId: id,
      ...(customerId ? { customerId } : {}),
      path: 'bot-only',
      language: 'fr',
      channel: 'webchat',
      kbEntryIds: ['horaires'],
      startedAt: closedAt - 60_000,
      closedAt,
    },
    ces: 2,
    answered: true,
    recordedAt: closedAt,
    ...extra,
  };
}

const ids = (list: readonly { context: { conversationId: string } }[]): string[] =>
  list.map((s) => s.context.conversationId);

/** One suite every SurveyStore passes, through the public interface only. */
export function surveyStoreContract(name: string, makeStore: SurveyStoreFactory): void {
  describe(`SurveyStore contract: ${name}`, () => {
    let store: SurveyStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.dispose();
    });

    it('keeps what the deflection rule reads, and the report built from the store is the same in every store', async () => {
      const facts = {
        answeredAt: T0 - 50_000,
        missedAt: T0 - 40_000,
        followUpAt: T0 - 40_000,
        answerConfirmed: true,
      };
      await store.record(
        survey('answered', T0, { context: { ...survey('answered', T0).context, ...facts } }),
      );
      const miss = survey('missed', T0 + 1, {});
      await store.record({ ...miss, context: { ...miss.context, kbEntryIds: [], missedAt: T0 - 30_000 } });
      expect((await store.get('answered'))?.context).toMatchObject(facts);
      expect((await store.get('missed'))?.context.answeredAt).toBeUndefined();
      const report = buildInsightsReport(await store.list({ from: T0 - DAY, to: T0 + DAY }), {
        open: [{ conversationId: 'ticket-1', state: 'ticket', escalatedAt: T0 }],
      });
      expect([report.deflection.count, report.unresolved.count, report.escalation.count]).toEqual([0, 2, 1]);
      expect(report.conversations).toBe(3);
    });

    it('keeps the per-agent times and earlier holders, and the per-agent figures from the store are the same in every store', async () => {
      const times = {
        agentId: 'bruno',
        agentClaimedAt: T0 - 30_000,
        agentFirstReplyAt: T0 - 20_000,
        agentResolvedAt: T0 - 1_000,
        earlierAgentIds: ['alice'],
      };
      const base = survey('transferred', T0, { ces: 4 });
      await store.record({ ...base, context: { ...base.context, path: 'escalated', ...times } });
      const plain = survey('alice-own', T0 + 1, { ces: 2 });
      await store.record({ ...plain, context: { ...plain.context, path: 'escalated', agentId: 'alice' } });
      expect((await store.get('transferred'))?.context).toMatchObject(times);
      expect((await store.get('alice-own'))?.context.earlierAgentIds).toBeUndefined();
      const { agents } = buildInsightsReport(await store.list({ from: T0 - DAY, to: T0 + DAY }));
      expect(agents).toEqual([
        {
          agentId: 'alice',
          handled: 1,
          passedOn: 1,
          firstReply: { count: 0 },
          handling: { count: 0 },
          ces: expect.objectContaining({ count: 1, sum: 2 }),
          fewCesAnswers: true,
        },
        {
          agentId: 'bruno',
          handled: 1,
          passedOn: 0,
          firstReply: { count: 1, median: 10_000 },
          handling: { count: 1, median: 29_000 },
          ces: expect.objectContaining({ count: 1, sum: 4 }),
          fewCesAnswers: true,
        },
      ]);
    });

    it('records a survey and reads it back with defaults applied', async () => {
      const input = survey('c1', T0, { comment: 'Très rapide, merci', csat: 5 }, 'cust-1');
      const result = await store.record(input);
      expect(result).toMatchObject({ ok: true, replaced: false });
      const stored = await store.get('c1');
      expect(stored).toEqual({
        context: {
          conversationId: 'c1',
          customerId: 'cust-1',
          path: 'bot-only',
          language: 'fr',
          channel: 'webchat',
          kbEntryIds: ['horaires'],
          missedQuestions: [],
          startedAt: T0 - 60_000,
          closedAt: T0,
        },
        ces: 2,
        answered: true,
        csat: 5,
        comment: 'Très rapide, merci',
        recordedAt: T0,
      });
      expect(await store.get('unknown')).toBeUndefined();
    });

    it('refuses invalid surveys with the path of each problem, storing nothing', async () => {
      const bad = survey('c1', T0, { ces: 6 });
      const result = await store.record({ ...bad, context: { ...bad.context, language: 'de' as 'fr' } });
      expect(result).toMatchObject({ ok: false, reason: 'invalid' });
      if (result.ok || result.reason !== 'invalid') return;
      expect(result.issues.map((i) => i.path).sort()).toEqual(['ces', 'context.language']);
      expect(await store.get('c1')).toBeUndefined();
      const early = survey('c2', T0);
      const before = await store.record({ ...early, context: { ...early.context, startedAt: T0 + 1 } });
      expect(before).toMatchObject({ ok: false, issues: [{ path: 'context.closedAt' }] });
    });

    it('keeps one survey per conversation: recording again replaces it (answers added turn by turn)', async () => {
      await store.record(survey('c1', T0, { answered: undefined, ces: 3 }));
      const second = await store.record(survey('c1', T0, { ces: 3, answered: false, comment: 'Trop long' }));
      expect(second).toMatchObject({ ok: true, replaced: true });
      const all = await store.list({ from: T0 - DAY, to: T0 + DAY });
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ ces: 3, answered: false, comment: 'Trop long' });
    });

    it('refuses a write recorded before the stored one (a delayed instance), accepts equal times', async () => {
      await store.record(survey('c1', T0, { recordedAt: T0 + 2000, comment: 'dernier' }));
      expect(await store.record(survey('c1', T0, { recordedAt: T0 + 1000 }))).toEqual({
        ok: false,
        reason: 'stale',
      });
      expect((await store.get('c1'))?.comment).toBe('dernier');
      expect(await store.record(survey('c1', T0, { recordedAt: T0 + 2000, csat: 4 }))).toMatchObject({
        ok: true,
        replaced: true,
      });
      expect(await store.get('c1')).toMatchObject({ csat: 4, recordedAt: T0 + 2000 });
    });

    it('lists a half-open time range by closing time, ties by conversation id', async () => {
      await store.record(survey('late', T0 + 2 * DAY));
      await store.record(survey('b', T0));
      await store.record(survey('a', T0));
      await store.record(survey('early', T0 - DAY));
      await store.record(survey('edge', T0 + DAY));
      expect(ids(await store.list({ from: T0, to: T0 + DAY }))).toEqual(['a', 'b']);
      expect(ids(await store.list({ from: T0 - DAY, to: T0 + 3 * DAY }))).toEqual([
        'early',
        'a',
        'b',
        'edge',
        'late',
      ]);
      expect(await store.list({ from: T0 + 3 * DAY, to: T0 + 4 * DAY })).toEqual([]);
      expect(await store.list({ from: T0 + DAY, to: T0 })).toEqual([]);
    });

    it('moves a survey in time when it is re-recorded with another closing time', async () => {
      await store.record(survey('c1', T0));
      await store.record(survey('c1', T0 + 2 * DAY));
      expect(await store.list({ from: T0, to: T0 + DAY })).toEqual([]);
      expect(ids(await store.list({ from: T0 + DAY, to: T0 + 3 * DAY }))).toEqual(['c1']);
    });

    it('erases every survey of one customer and nothing else', async () => {
      await store.record(survey('c1', T0, {}, 'alice'));
      await store.record(survey('c2', T0 + 1, {}, 'alice'));
      await store.record(survey('c3', T0 + 2, {}, 'bob'));
      await store.record(survey('c4', T0 + 3));
      const before = await store.conversationsOf('alice');
      expect(before).toEqual([
        { conversationId: 'c1', channel: 'webchat' },
        { conversationId: 'c2', channel: 'webchat' },
      ]);
      expect(await store.eraseCustomer('alice')).toEqual({
        erased: 2,
        conversations: [
          { conversationId: 'c1', channel: 'webchat' },
          { conversationId: 'c2', channel: 'webchat' },
        ],
      });
      expect(ids(await store.list({ from: T0, to: T0 + DAY }))).toEqual(['c3', 'c4']);
      expect(await store.get('c1')).toBeUndefined();
      expect(await store.eraseCustomer('alice')).toEqual({ erased: 0, conversations: [] });
      expect(await store.conversationsOf('alice')).toEqual([]);
      expect(await store.eraseCustomer('nobody')).toEqual({ erased: 0, conversations: [] });
    });

    it('erases by the customer of the latest version of a re-recorded survey', async () => {
      await store.record(survey('c1', T0, {}, 'alice'));
      await store.record(survey('c1', T0, {}, 'bob'));
      expect((await store.eraseCustomer('alice')).erased).toBe(0);
      expect(await store.eraseCustomer('bob')).toMatchObject({
        erased: 1,
        conversations: [{ conversationId: 'c1' }],
      });
      expect(await store.list({ from: T0, to: T0 + DAY })).toEqual([]);
    });

    it('purges surveys closed before the cutoff (retention), the cutoff itself kept', async () => {
      for (let i = 0; i < 7; i++)
        await store.record(survey(`d${i}`, T0 + i * DAY, {}, i % 2 ? 'alice' : undefined));
      expect(await store.purgeClosedBefore(T0 + 3 * DAY)).toEqual({ purged: 3 });
      expect(ids(await store.list({ from: 0, to: T0 + 10 * DAY }))).toEqual(['d3', 'd4', 'd5', 'd6']);
      expect(await store.purgeClosedBefore(T0 + 3 * DAY)).toEqual({ purged: 0 });
      // The purged d1 no longer counts for alice.
      expect((await store.eraseCustomer('alice')).conversations.map((c) => c.conversationId)).toEqual([
        'd3',
        'd5',
      ]);
      expect(ids(await store.list({ from: 0, to: T0 + 10 * DAY }))).toEqual(['d4', 'd6']);
    });

    it('returns copies: changing a read or recorded object changes nothing stored', async () => {
      const input = survey('c1', T0);
      await store.record(input);
      input.context.kbEntryIds = ['changed'];
      const read = await store.get('c1');
      try {
        (read?.context.kbEntryIds as string[] | undefined)?.push('more');
      } catch {
        // a frozen record refuses the change: also fine
      }
      expect((await store.get('c1'))?.context.kbEntryIds).toEqual(['horaires']);
    });
  });
}
