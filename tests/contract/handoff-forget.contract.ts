import { ManualClock, type HandoffQueue } from '../../handoff';

/** Monday 6 January 2025, 10:00 in Paris: inside business hours. */
const MONDAY_10H_PARIS = Date.UTC(2025, 0, 6, 9, 0, 0);

/** HandoffQueue.forget (a customer's erasure), which both stores pass. */
export function handoffForgetContract(
  name: string,
  makeQueue: (clock: ManualClock) => Promise<HandoffQueue>,
): void {
  describe(`HandoffQueue forget: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;

    beforeEach(async () => {
      clock = new ManualClock(MONDAY_10H_PARIS);
      q = await makeQueue(clock);
      await q.agentOnline({ agentId: 'alice', languages: ['fr'], skills: [], capacity: 2 });
    });
    afterEach(async () => {
      await q.dispose();
    });

    const escalate = (id: string) =>
      q.enqueue({
        conversationId: id,
        language: 'fr',
        contact: { name: 'Jean Dupont', email: 'jean@example.fr' },
        transcript: [{ at: MONDAY_10H_PARIS, from: 'customer', text: 'mon numéro est 06 12 34 56 78' }],
      });

    test('a resolved conversation is deleted with its transcript and contact, and no longer times out', async () => {
      await escalate('c1');
      expect((await q.claim('c1', 'alice')).ok).toBe(true);
      expect((await q.agentReplied('c1', 'alice')).ok).toBe(true);
      expect((await q.resolve('c1', 'alice')).ok).toBe(true);
      expect(await q.forget('c1')).toEqual({ ok: true, forgotten: true });
      expect(await q.get('c1')).toBeNull();
      expect(await q.forget('c1')).toEqual({ ok: true, forgotten: false });
      // Its silence timer went with it: nothing to close later.
      clock.advance(24 * 3600_000);
      expect(await q.closeSilent()).toEqual([]);
    });

    test('a live conversation (queued, with an agent) is refused and kept whole', async () => {
      await escalate('c2');
      expect(await q.forget('c2')).toEqual({ ok: false, reason: 'active', state: 'queued' });
      expect((await q.claim('c2', 'alice')).ok).toBe(true);
      expect(await q.forget('c2')).toEqual({ ok: false, reason: 'active', state: 'with-agent' });
      expect((await q.get('c2'))?.contact.email).toBe('jean@example.fr');
      expect((await q.agent('alice'))?.conversations).toEqual(['c2']);
    });

    test('a conversation with the bot only (touched) is deleted; an unknown id is not an error', async () => {
      await q.touch('c3');
      expect(await q.forget('c3')).toEqual({ ok: true, forgotten: true });
      expect(await q.forget('never-seen')).toEqual({ ok: true, forgotten: false });
    });
  });
}
