import { ManualClock, type HandoffQueue } from '../../handoff';
import { SECOND, type QueueFactory, freshQueueEachTest } from './handoff-queue-setup';

/**
 * The WaitingLine role's contract (escalating, positions and FIFO, a conversation's cycles,
 * cancelling, estimated waits, the supervisors' peek): both stores pass it, through the public
 * interface only.
 */
export function waitingLineContract(name: string, makeQueue: QueueFactory): void {
  describe(`WaitingLine contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;
    const escalate = freshQueueEachTest(makeQueue, (made) => ({ clock, q } = made));

    describe('enqueue, position, FIFO', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr', 'en'], capacity: 5 });
      });

      it('queues in order of escalation and reports 1-based positions', async () => {
        expect(await escalate('c1')).toEqual({ ok: true, outcome: 'queued', position: 1 });
        expect(await escalate('c2')).toEqual({ ok: true, outcome: 'queued', position: 2 });
        await escalate('c3');
        expect(await q.position('c3')).toEqual({ ok: true, position: 3, queueLength: 3 });
        const claimed = await q.claimNext('anna');
        expect(claimed.ok && claimed.conversation.id).toBe('c1');
        expect(await q.position('c3')).toEqual({ ok: true, position: 2, queueLength: 2 });
        expect(await q.position('c1')).toEqual({ ok: false, reason: 'wrong-state', state: 'with-agent' });
        expect(await q.position('nope')).toEqual({ ok: false, reason: 'not-found' });
      });

      it('orders by time of escalation, not by the last message', async () => {
        await escalate('early');
        await escalate('late');
        clock.advance(SECOND);
        await q.touch('early'); // the customer keeps writing while waiting: order does not change
        expect((await q.peek()).map((e) => e.conversationId)).toEqual(['early', 'late']);
      });

      it('refuses a second enqueue and enqueue of a conversation with an agent', async () => {
        await escalate('c1');
        expect(await escalate('c1')).toEqual({ ok: false, reason: 'already-queued' });
        await q.claimNext('anna');
        expect(await escalate('c1')).toEqual({ ok: false, reason: 'wrong-state', state: 'with-agent' });
      });

      it('serves VIP, then B2B, then standard, each class in FIFO order', async () => {
        await escalate('std1');
        await escalate('b2b1', { priority: 'b2b' });
        await escalate('vip1', { priority: 'vip' });
        await escalate('std2');
        await escalate('vip2', { priority: 'vip' });
        const order: string[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await q.claimNext('anna');
          if (r.ok) order.push(r.conversation.id);
        }
        expect(order).toEqual(['vip1', 'vip2', 'b2b1', 'std1', 'std2']);
      });

      it('keeps the escalation details, the contact and a chronological transcript', async () => {
        await q.enqueue({
          conversationId: 'c9',
          language: 'fr',
          reason: 'low-confidence',
          contact: { name: 'Mme Martin', email: 'martin@example.com' },
          transcript: [
            { at: 20, from: 'bot', text: 'Je vous mets en relation.' },
            { at: 10, from: 'customer', text: 'Mon aide ne vient pas' },
          ],
          context: { candidates: [{ id: 'no-show', score: 0.41 }] },
        });
        const c = await q.get('c9');
        expect(c).toMatchObject({
          id: 'c9',
          state: 'queued',
          language: 'fr',
          skill: 'general',
          priority: 'standard',
          reason: 'low-confidence',
          escalatedAt: clock.now(),
          contact: { name: 'Mme Martin', email: 'martin@example.com' },
          context: { candidates: [{ id: 'no-show', score: 0.41 }] },
        });
        expect(c?.transcript.map((l) => l.at)).toEqual([10, 20]);
      });

      it('rejects invalid input with a coded error', async () => {
        await expect(q.enqueue({ conversationId: 'has space', language: 'fr' })).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
        await expect(q.enqueue({ conversationId: 'ok', language: 'French' })).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
      });
    });

    describe('the rest of the life of a conversation', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
      });

      it('goes with-agent → resolved, refusing illegal steps without change', async () => {
        await escalate('c1');
        expect(await q.resolve('c1', 'anna')).toEqual({ ok: false, reason: 'wrong-state', state: 'queued' });
        await q.claimNext('anna');
        expect(await q.cancel('c1')).toEqual({ ok: false, reason: 'wrong-state', state: 'with-agent' });
        expect((await q.get('c1'))?.state).toBe('with-agent');
        const resolved = await q.resolve('c1', 'anna');
        expect(resolved.ok && resolved.conversation).toMatchObject({ state: 'resolved', agentId: 'anna' });
        expect((await q.agent('anna'))?.conversations).toEqual([]);
        expect(await q.resolve('c1', 'anna')).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'resolved',
        });
        expect(await q.resolve('missing', 'anna')).toEqual({ ok: false, reason: 'not-found' });
      });

      it('hands a conversation back to the bot, which may escalate it again', async () => {
        await escalate('c1');
        await q.claimNext('anna');
        const back = await q.handBack('c1', 'anna');
        expect(back.ok && back.conversation.state).toBe('bot');
        expect(back.ok && back.conversation.agentId).toBeUndefined();
        expect((await escalate('c1')).ok).toBe(true);
      });

      it('starts a new handoff cycle when a resolved or closed conversation escalates again', async () => {
        await escalate('c1', { reason: 'low-confidence', contact: { email: 'a@example.com' } });
        const firstEscalation = clock.now();
        await q.claimNext('anna');
        await q.resolve('c1', 'anna');
        clock.advance(3600 * SECOND);
        await q.heartbeat('anna');
        expect(await escalate('c1', { reason: 'customer-request' })).toEqual({
          ok: true,
          outcome: 'queued',
          position: 1,
        });
        const again = await q.get('c1');
        expect(again).toMatchObject({ state: 'queued', reason: 'customer-request', contact: {} });
        expect(again?.escalatedAt).toBeGreaterThan(firstEscalation);
        expect(again?.escalatedAt).toBe(clock.now());
        expect(again?.agentId).toBeUndefined();
        // Fresh timers: the new claim has its own claim timeout.
        await q.claimNext('anna');
        clock.advance(61 * SECOND);
        await q.heartbeat('anna');
        expect((await q.requeueExpired()).requeued).toEqual(['c1']);
        await q.claimNext('anna');
        await q.resolve('c1', 'anna');
        // The customer goes silent after the resolve: closed, then escalates once more.
        clock.advance(601 * SECOND);
        await q.heartbeat('anna');
        expect(await q.closeSilent()).toEqual(['c1']);
        expect((await q.get('c1'))?.state).toBe('closed');
        expect((await escalate('c1')).ok).toBe(true);
        expect(await q.get('c1')).toMatchObject({ state: 'queued' });
        expect((await q.get('c1'))?.closedReason).toBeUndefined();
      });

      it('opens a fresh ticket when an answered ticket escalates again', async () => {
        await q.agentOffline('anna');
        await escalate('t1');
        await q.answerTicket('t1', 'bob', 'Réponse');
        // An answered ticket is still open (the customer may reply): it is resolved first.
        expect(await escalate('t1')).toEqual({ ok: false, reason: 'wrong-state', state: 'answered' });
        expect((await q.resolveTicket('t1')).ok).toBe(true);
        clock.advance(SECOND);
        const r = await escalate('t1');
        expect(r).toMatchObject({ ok: true, outcome: 'ticket', why: 'no-agent-online' });
        const t = await q.get('t1');
        expect(t).toMatchObject({ state: 'ticket', ticket: { openedAt: clock.now() } });
        expect(t?.ticket?.answer).toBeUndefined();
        expect((await q.tickets()).map((x) => x.id)).toEqual(['t1']);
      });

      it('lets the customer cancel while queued, and escalate again later', async () => {
        await escalate('c1');
        await escalate('c2');
        const r = await q.cancel('c1');
        expect(r.ok && r.conversation.state).toBe('cancelled');
        expect(await q.position('c2')).toEqual({ ok: true, position: 1, queueLength: 1 });
        expect(await q.cancel('c1')).toEqual({ ok: false, reason: 'wrong-state', state: 'cancelled' });
        expect(await escalate('c1')).toEqual({ ok: true, outcome: 'queued', position: 2 });
      });
    });

    describe('estimated wait', () => {
      it('is position × average recent handling time ÷ online slots', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 2 });
        await escalate('c1');
        await escalate('c2');
        const before = await q.estimatedWait('c2');
        expect(before).toEqual({
          ok: true,
          position: 2,
          waitMs: 300 * SECOND, // no history yet: default 300 s × 2 / 2 slots
          basis: { onlineSlots: 2, averageHandlingMs: 300 * SECOND, samples: 0 },
        });
        await q.claimNext('anna');
        clock.advance(60 * SECOND);
        await q.heartbeat('anna');
        await q.resolve('c1', 'anna');
        await q.agentOnline({ agentId: 'bob', languages: ['fr', 'en'], capacity: 1 });
        await escalate('c3');
        expect(await q.estimatedWait('c3')).toEqual({
          ok: true,
          position: 2,
          waitMs: 40 * SECOND, // 2 × 60 s ÷ 3 slots
          basis: { onlineSlots: 3, averageHandlingMs: 60 * SECOND, samples: 1 },
        });
        expect(await q.estimatedWait('c1')).toEqual({ ok: false, reason: 'wrong-state', state: 'resolved' });
      });
    });

    describe('supervisors', () => {
      it('peeks the waiting conversations in serving order across queues', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr', 'en'] });
        await q.agentOnline({ agentId: 'manager', languages: ['fr'] });
        await escalate('fr-std');
        await escalate('en-vip', { language: 'en', priority: 'vip' });
        await escalate('acme', { priority: 'b2b', accountManagerId: 'manager' });
        const peek = await q.peek();
        expect(peek.map((e) => [e.conversationId, e.queue, e.reservedFor ?? null])).toEqual([
          ['en-vip', 'en:general', null],
          ['acme', 'fr:general', 'manager'],
          ['fr-std', 'fr:general', null],
        ]);
        expect((await q.peek(1)).length).toBe(1);
      });
    });
  });
}
