import { HandoffError, ManualClock, type HandoffQueue } from '../../handoff';

/** Monday 6 January 2025, 22:00 in Paris: closed, so an escalation opens a ticket. */
const MONDAY_22H_PARIS = Date.UTC(2025, 0, 6, 21, 0, 0);

/** HandoffQueue.setContactEmail (an address typed in the chat), which both stores pass. */
export function contactEmailContract(
  name: string,
  makeQueue: (clock: ManualClock) => Promise<HandoffQueue>,
): void {
  describe(`HandoffQueue setContactEmail: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;

    beforeEach(async () => {
      clock = new ManualClock(MONDAY_22H_PARIS);
      q = await makeQueue(clock);
    });
    afterEach(async () => {
      await q.dispose();
    });

    const ticket = (id: string, contact: Record<string, string> = {}) =>
      q.enqueue({
        conversationId: id,
        language: 'fr',
        contact,
        transcript: [{ at: MONDAY_22H_PARIS, from: 'customer', text: 'ma facture est fausse' }],
        context: { candidates: [], lastMessage: 'ma facture est fausse' },
      });

    it('stores the address on the ticket, the rest of the record unchanged', async () => {
      expect(await ticket('t1', { name: 'Jean' })).toMatchObject({ ok: true, outcome: 'ticket' });
      const before = await q.get('t1');
      clock.advance(1000);
      const set = await q.setContactEmail('t1', 'jean.dupont@example.com');
      expect(set).toMatchObject({ ok: true, stored: true });
      const after = await q.get('t1');
      expect(after?.contact).toEqual({ name: 'Jean', email: 'jean.dupont@example.com' });
      expect(after?.updatedAt).toBe(MONDAY_22H_PARIS + 1000);
      expect(set.ok && set.conversation).toEqual(after);
      expect({ ...after, contact: before?.contact, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
      expect((await q.tickets()).map((t) => t.contact.email)).toEqual(['jean.dupont@example.com']);
    });

    it('replaces an address, unless only-if-empty is asked and one is on file', async () => {
      await ticket('t1');
      await q.setContactEmail('t1', 'first@example.com');
      expect(await q.setContactEmail('t1', 'second@example.com', { onlyIfEmpty: true })).toMatchObject({
        ok: true,
        stored: false,
      });
      expect((await q.get('t1'))?.contact.email).toBe('first@example.com');
      expect(await q.setContactEmail('t1', 'second@example.com')).toMatchObject({ stored: true });
      expect((await q.get('t1'))?.contact.email).toBe('second@example.com');
    });

    it('keeps the address a signed identity gave when only-if-empty is asked', async () => {
      await ticket('t2', { email: 'signed@example.com' });
      const kept = await q.setContactEmail('t2', 'typed@example.com', { onlyIfEmpty: true });
      expect(kept).toMatchObject({ ok: true, stored: false });
      expect((await q.get('t2'))?.contact.email).toBe('signed@example.com');
    });

    it('touches no other conversation and refuses an unknown one', async () => {
      await ticket('t1');
      await ticket('t2');
      await q.setContactEmail('t1', 'jean@example.com');
      expect((await q.get('t2'))?.contact).toEqual({});
      expect(await q.setContactEmail('nobody', 'jean@example.com')).toEqual({
        ok: false,
        reason: 'not-found',
      });
      expect(await q.get('nobody')).toBeNull();
    });

    it('refuses what is not an address, changing nothing', async () => {
      await ticket('t1');
      for (const bad of ['jean', 'jean@', `${'a'.repeat(250)}@example.com`, 'a b@example.com'])
        await expect(q.setContactEmail('t1', bad)).rejects.toMatchObject({
          constructor: HandoffError,
          code: 'INVALID_INPUT',
        });
      await expect(q.setContactEmail('a b', 'jean@example.com')).rejects.toBeInstanceOf(HandoffError);
      expect((await q.get('t1'))?.contact).toEqual({});
    });

    it('a new handoff cycle starts from the contact its escalation gives', async () => {
      // In open hours with an agent online: queued, taken, resolved, then asked for again.
      clock.set(Date.UTC(2025, 0, 7, 9, 0, 0));
      await q.agentOnline({ agentId: 'alice', languages: ['fr'], capacity: 2 });
      expect(await q.enqueue({ conversationId: 'c1', language: 'fr' })).toMatchObject({ outcome: 'queued' });
      await q.setContactEmail('c1', 'jean@example.com');
      expect((await q.claim('c1', 'alice')).ok).toBe(true);
      expect((await q.get('c1'))?.contact).toEqual({ email: 'jean@example.com' });
      expect((await q.resolve('c1', 'alice')).ok).toBe(true);
      clock.advance(1000);
      await q.enqueue({ conversationId: 'c1', language: 'fr', contact: { email: 'again@example.com' } });
      expect((await q.get('c1'))?.contact).toEqual({ email: 'again@example.com' });
    });
  });
}
