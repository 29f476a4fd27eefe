import type { HistoryQuery, HistoryStore } from '../../bot/history/history-store';

const msg = (from: 'customer' | 'bot' | 'agent', text: string, at: number, agentId?: string) => ({
  kind: 'message' as const,
  from,
  text,
  at,
  ...(agentId ? { agentId } : {}),
});

const both = (extra: Partial<HistoryQuery> = {}): HistoryQuery => ({
  languages: ['fr', 'en'],
  offset: 0,
  limit: 20,
  ...extra,
});

const ids = async (store: HistoryStore, query: HistoryQuery): Promise<string[]> =>
  (await store.search(query)).items.map((i) => i.conversationId);

/** What every history store (memory and Redis) does the same way. */
export function historyStoreContract(
  name: string,
  makeStore: () => Promise<{ store: HistoryStore; dispose?: () => Promise<void> }>,
): void {
  describe(`HistoryStore: ${name}`, () => {
    let store: HistoryStore;
    let dispose: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });
    afterEach(async () => {
      await dispose?.();
    });

    test('a conversation keeps its lines in order, with its decisions inline and its summary', async () => {
      await store.append('c1', [msg('customer', 'Quels sont vos horaires ?', 1_000)], {
        language: 'fr',
        channel: 'webchat',
      });
      await store.append('c1', [
        {
          kind: 'decision',
          at: 1_001,
          decision: 'answer',
          entryId: 'hours',
          confidence: 0.91,
          reason: 'matched: horaires',
        },
        msg('bot', 'Nous sommes ouverts du lundi au samedi.', 1_002),
      ]);
      const got = await store.get('c1');
      expect(got).toMatchObject({
        conversationId: 'c1',
        startedAt: 1_000,
        lastAt: 1_002,
        state: 'bot',
        language: 'fr',
        channel: 'webchat',
        title: 'Quels sont vos horaires ?',
        lineCount: 3,
        agents: [],
      });
      expect(got?.lines).toEqual([
        { kind: 'message', from: 'customer', text: 'Quels sont vos horaires ?', at: 1_000, seq: 1 },
        {
          kind: 'decision',
          at: 1_001,
          decision: 'answer',
          entryId: 'hours',
          confidence: 0.91,
          reason: 'matched: horaires',
          seq: 2,
        },
        { kind: 'message', from: 'bot', text: 'Nous sommes ouverts du lundi au samedi.', at: 1_002, seq: 3 },
      ]);
      expect(await store.get('nope')).toBeUndefined();
    });

    test('search ignores accents and case and stems French and English, newest first', async () => {
      await store.append('fr-old', [msg('customer', "Je voudrais annuler l'intervention de demain", 1_000)], {
        language: 'fr',
      });
      await store.append('fr-new', [msg('customer', 'ANNULATION de mon ménage SVP', 2_000)], {
        language: 'fr',
      });
      await store.append('en-1', [msg('customer', 'I want to cancel my cleaning bookings', 3_000)], {
        language: 'en',
      });
      await store.append('en-2', [msg('customer', 'Who is my cleaner?', 4_000)], { language: 'en' });
      expect(await ids(store, both({ text: 'Menage' }))).toEqual(['fr-new']);
      expect(await ids(store, both({ text: 'annulé' }))).toEqual(['fr-new', 'fr-old']);
      expect(await ids(store, both({ text: 'CANCELLED booking' }))).toEqual(['en-1']);
      expect(await ids(store, both({ text: 'cleaning' }))).toEqual(['en-1']);
      // Every word must match; a stop word alone matches nothing and is ignored beside others.
      expect(await ids(store, both({ text: 'annuler demain' }))).toEqual(['fr-old']);
      expect(await ids(store, both({ text: 'annuler zzzz' }))).toEqual([]);
      expect(await ids(store, both({ text: 'de annuler' }))).toEqual(['fr-new', 'fr-old']);
    });

    test("the bot's own lines are not indexed; customer and agent lines are", async () => {
      await store.append('c1', [msg('customer', 'bonjour', 1), msg('bot', 'Voici nos tarifs horaires', 2)], {
        language: 'fr',
      });
      await store.append('c1', [msg('agent', 'Je regarde votre facture', 3, 'alice')], { agentId: 'alice' });
      expect(await ids(store, both({ text: 'tarifs' }))).toEqual([]);
      expect(await ids(store, both({ text: 'facture' }))).toEqual(['c1']);
    });

    test('internal notes are kept as notes (author, mentions) and searchable by agents', async () => {
      await store.append('c1', [msg('customer', 'bonjour', 1)], { language: 'fr' });
      await store.append('c1', [
        { kind: 'note', at: 2, agentId: 'alice', text: 'Remboursement validé, @bruno', mentions: ['bruno'] },
      ]);
      const got = await store.get('c1');
      expect(got?.lines[1]).toEqual({
        kind: 'note',
        at: 2,
        agentId: 'alice',
        text: 'Remboursement validé, @bruno',
        mentions: ['bruno'],
        seq: 2,
      });
      expect(got?.title).toBe('bonjour');
      expect(await ids(store, both({ text: 'remboursement' }))).toEqual(['c1']);
      expect(await ids(store, both({ text: 'rembourser' }))).toEqual(['c1']);
      // Erased with the rest: nothing of the note stays findable.
      await store.erase('c1');
      expect(await ids(store, both({ text: 'remboursement' }))).toEqual([]);
    });

    test('facets filter, move when they change, and combine with the text and the languages', async () => {
      await store.append('a', [msg('customer', 'facture erronée', 1_000)], { language: 'fr' });
      await store.append('b', [msg('customer', 'wrong invoice', 2_000)], { language: 'en' });
      await store.append('c', [msg('customer', 'facture en double', 3_000)], { language: 'fr' });
      await store.note('a', { state: 'queued', queue: 'vip', path: 'escalated' });
      await store.note('a', { state: 'with-agent', agentId: 'alice' });
      await store.note('a', { state: 'resolved', ces: 2, closedAt: 5_000, agentId: 'bob' });
      await store.note('c', { state: 'ticket', path: 'ticket', queue: 'standard' });
      expect(await store.note('unknown', { state: 'resolved' })).toBe(false);
      expect(await ids(store, both({ state: 'resolved' }))).toEqual(['a']);
      expect(await ids(store, both({ state: 'queued' }))).toEqual([]);
      expect(await ids(store, both({ state: 'bot' }))).toEqual(['b']);
      // Nobody closed b (the customer just left): it still counts as handled by the bot alone.
      expect(await ids(store, both({ path: 'bot-only' }))).toEqual(['b']);
      expect(await ids(store, both({ path: 'escalated' }))).toEqual(['a']);
      expect(await ids(store, both({ agentId: 'alice' }))).toEqual(['a']);
      expect(await ids(store, both({ agentId: 'bob', ces: 2 }))).toEqual(['a']);
      expect(await ids(store, both({ ces: 3 }))).toEqual([]);
      expect(await ids(store, both({ queue: 'standard' }))).toEqual(['c']);
      expect(await ids(store, both({ path: 'ticket', text: 'facture' }))).toEqual(['c']);
      expect(await ids(store, both({ language: 'en' }))).toEqual(['b']);
      expect(await ids(store, { ...both(), languages: ['fr'] })).toEqual(['c', 'a']);
      expect(await ids(store, both({ from: 2_000, to: 3_000 }))).toEqual(['b']);
      expect(await ids(store, both({ from: 2_000 }))).toEqual(['c', 'b']);
      expect((await store.get('a'))?.agents).toEqual(['alice', 'bob']);
      expect(await store.get('a')).toMatchObject({
        state: 'resolved',
        ces: 2,
        closedAt: 5_000,
        queue: 'vip',
      });
    });

    test('pages: offset and limit, the total, and the next offset until the last page', async () => {
      for (let i = 1; i <= 7; i += 1)
        await store.append(`c${i}`, [msg('customer', `question numéro ${i} sur le paiement`, i * 100)], {
          language: 'fr',
        });
      const first = await store.search(both({ text: 'paiement', limit: 3 }));
      expect(first.total).toBe(7);
      expect(first.items.map((i) => i.conversationId)).toEqual(['c7', 'c6', 'c5']);
      expect(first.nextOffset).toBe(3);
      const last = await store.search(both({ text: 'paiement', limit: 3, offset: 6 }));
      expect(last.items.map((i) => i.conversationId)).toEqual(['c1']);
      expect(last.nextOffset).toBeUndefined();
      expect((await store.search(both({ limit: 3, offset: 9 }))).items).toEqual([]);
    });

    test('erase removes the conversation from every index and leaves the others', async () => {
      await store.append('gone', [msg('customer', 'mon adresse secrète', 1)], {
        language: 'fr',
        state: 'resolved',
        ces: 1,
        queue: 'vip',
        path: 'escalated',
      });
      await store.append('gone', [msg('agent', 'adresse notée', 2, 'alice')], { agentId: 'alice' });
      await store.append('kept', [msg('customer', 'une autre adresse', 3)], { language: 'fr' });
      expect(await store.erase('gone')).toBe(2);
      expect(await store.get('gone')).toBeUndefined();
      expect(await ids(store, both({ text: 'adresse' }))).toEqual(['kept']);
      expect(await ids(store, both({ text: 'secrete' }))).toEqual([]);
      for (const facet of [
        { state: 'resolved' },
        { ces: 1 },
        { agentId: 'alice' },
        { queue: 'vip' },
        { path: 'escalated' },
      ] as const)
        expect(await ids(store, both(facet))).toEqual([]);
      expect((await store.search(both())).total).toBe(1);
      expect(await store.erase('gone')).toBe(0);
      // A new conversation under the same id starts afresh.
      await store.append('gone', [msg('customer', 'de retour', 10)], { language: 'fr' });
      expect(await store.get('gone')).toMatchObject({
        lineCount: 1,
        agents: [],
        state: 'bot',
        path: 'bot-only',
      });
    });
  });
}
