import { ManualClock, type HandoffQueue } from '../../handoff';
import { CONFIG, SECOND, type QueueFactory, freshQueueEachTest } from './handoff-queue-setup';

/**
 * The Sweeps role's contract (the timers and the ways back to the queue: release, claim timeout,
 * dead consoles, logout, answer timeout, customer silence): both stores pass it, through the
 * public interface only.
 */
export function sweepsContract(name: string, makeQueue: QueueFactory): void {
  describe(`Sweeps contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;
    const escalate = freshQueueEachTest(makeQueue, (made) => ({ clock, q } = made));

    describe('back to the queue', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 3 });
        await q.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 3 });
      });

      it('puts a released conversation at the head of the queue, ahead of VIPs', async () => {
        await escalate('c1');
        const c1 = await q.claimNext('anna');
        expect(c1.ok).toBe(true);
        await escalate('vip', { priority: 'vip' });
        expect(await q.release('c1', 'bob')).toEqual({ ok: false, reason: 'not-owner', agentId: 'anna' });
        const released = await q.release('c1', 'anna');
        expect(released.ok && released.conversation.state).toBe('queued');
        expect(await q.position('c1')).toEqual({ ok: true, position: 1, queueLength: 2 });
        expect((await q.agent('anna'))?.conversations).toEqual([]);
        const next = await q.claimNext('bob');
        expect(next.ok && next.conversation.id).toBe('c1');
      });

      it('requeues at the head a claim with no agent reply before the claim timeout', async () => {
        await escalate('silent');
        await escalate('answered');
        await q.claimNext('anna');
        await q.claimNext('anna');
        await escalate('newer');
        expect((await q.agentReplied('answered', 'anna')).ok).toBe(true);
        expect(await q.agentReplied('answered', 'bob')).toEqual({
          ok: false,
          reason: 'not-owner',
          agentId: 'anna',
        });

        clock.advance(58 * SECOND); // 59 s after the claims
        await q.heartbeat('anna');
        expect((await q.requeueExpired()).requeued).toEqual([]);
        clock.advance(2 * SECOND);
        await q.heartbeat('anna');
        const sweep = await q.requeueExpired();
        expect(sweep.requeued).toEqual(['silent']);
        expect((await q.get('silent'))?.state).toBe('queued');
        expect(await q.position('silent')).toEqual({ ok: true, position: 1, queueLength: 2 });
        expect((await q.get('answered'))?.state).toBe('with-agent');
        expect((await q.agent('anna'))?.conversations).toEqual(['answered']);
      });

      it("requeues an agent's conversations when the console stops sending heartbeats", async () => {
        await escalate('c1');
        await escalate('c2');
        await q.claimNext('anna');
        await q.agentReplied('c1', 'anna');
        clock.advance(20 * SECOND);
        await q.heartbeat('bob');
        clock.advance(20 * SECOND); // anna: 40 s without heartbeat
        await q.heartbeat('bob');
        const sweep = await q.requeueExpired();
        expect(sweep).toEqual({ requeued: ['c1'], toPool: [], agentsOffline: ['anna'], unanswered: [] });
        expect(await q.heartbeat('anna')).toEqual({ ok: false, reason: 'agent-offline' });
        const next = await q.claimNext('bob');
        expect(next.ok && next.conversation.id).toBe('c1');
      });

      it('requeues at logout', async () => {
        await escalate('c1');
        await q.claimNext('anna');
        expect(await q.agentOffline('anna')).toEqual(['c1']);
        expect((await q.get('c1'))?.state).toBe('queued');
      });
    });

    describe('answer timeout: an online agent who leaves the customer unanswered', () => {
      const ANSWER_MS = 600 * SECOND;
      let a: HandoffQueue;

      beforeEach(async () => {
        a = await makeQueue({ clock, config: { ...CONFIG, answerTimeoutMs: ANSWER_MS } });
        await a.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 3 });
        await a.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 3 });
      });
      afterEach(async () => {
        await a.dispose();
      });

      /** Escalated, claimed by anna and answered once: the claim timeout no longer runs. */
      const withAnna = async (id: string): Promise<void> => {
        clock.advance(SECOND);
        await a.enqueue({ conversationId: id, language: 'fr' });
        expect((await a.claim(id, 'anna')).ok).toBe(true);
        expect((await a.agentReplied(id, 'anna')).ok).toBe(true);
      };
      /** Moves time on while both consoles keep beating (the dead-console sweep stays out of it). */
      const wait = async (ms: number): Promise<void> => {
        for (let left = ms; left > 0; left -= 20 * SECOND) {
          clock.advance(Math.min(left, 20 * SECOND));
          await a.heartbeat('anna');
          await a.heartbeat('bob');
        }
      };

      it("starts on the customer's oldest unanswered message and stops on the agent's reply", async () => {
        await withAnna('c1');
        expect((await a.get('c1'))?.awaitingAnswerSince).toBeUndefined();
        await a.touch('c1');
        const since = clock.now();
        await wait(60 * SECOND);
        await a.touch('c1'); // a second message does not restart the timer
        expect((await a.get('c1'))?.awaitingAnswerSince).toBe(since);
        await wait(ANSWER_MS - 90 * SECOND);
        expect((await a.agentReplied('c1', 'anna')).ok).toBe(true);
        expect((await a.get('c1'))?.awaitingAnswerSince).toBeUndefined();
        await wait(60 * SECOND); // past the first message's deadline: answered, nothing owed
        expect((await a.requeueExpired()).requeued).toEqual([]);
        expect((await a.get('c1'))?.state).toBe('with-agent');
      });

      it('requeues after the timeout, not before, with the agent told and its place kept', async () => {
        await withAnna('early'); // escalated first
        await withAnna('late');
        clock.advance(SECOND);
        await a.enqueue({ conversationId: 'waiting', language: 'fr' }); // never reached an agent
        await a.touch('early');
        await wait(ANSWER_MS);
        // Exactly the timeout: not more than it yet.
        expect(await a.requeueExpired()).toEqual({
          requeued: [],
          toPool: [],
          agentsOffline: [],
          unanswered: [],
        });
        await wait(SECOND);
        expect(await a.requeueExpired()).toEqual({
          requeued: ['early'],
          toPool: [],
          agentsOffline: [],
          unanswered: [{ conversationId: 'early', agentId: 'anna' }],
        });
        const early = await a.get('early');
        expect(early?.state).toBe('queued');
        expect(early?.agentId).toBeUndefined();
        expect(early?.awaitingAnswerSince).toBeUndefined();
        expect((await a.agent('anna'))?.conversations).toEqual(['late']);
        // Its place: ahead of the conversation that never reached an agent, like any put-back one.
        expect(await a.position('early')).toEqual({ ok: true, position: 1, queueLength: 2 });
        // Put back later by release, "late" still comes after it: the order is the escalation time.
        expect((await a.release('late', 'anna')).ok).toBe(true);
        expect(await a.position('late')).toEqual({ ok: true, position: 2, queueLength: 3 });
        const next = await a.claimNext('bob');
        expect(next.ok && next.conversation.id).toBe('early');
      });

      it('never requeues when the timeout is 0 (off)', async () => {
        const off = q; // the suite's queue: answerTimeoutMs left at its default, 0
        await off.agentOnline({ agentId: 'anna', languages: ['fr'] });
        await off.enqueue({ conversationId: 'c1', language: 'fr' });
        await off.claimNext('anna');
        await off.agentReplied('c1', 'anna');
        await off.touch('c1');
        for (let i = 0; i < 100; i++) {
          clock.advance(20 * SECOND);
          await off.heartbeat('anna');
        }
        const sweep = await off.requeueExpired();
        expect(sweep.requeued).toEqual([]);
        expect(sweep.unanswered).toEqual([]);
        expect((await off.get('c1'))?.state).toBe('with-agent');
      });

      it('requeues once when sweeps run at the same time', async () => {
        await withAnna('c1');
        await withAnna('c2');
        await a.touch('c1');
        await a.touch('c2');
        await wait(ANSWER_MS + SECOND);
        const sweeps = await Promise.all([a.requeueExpired(), a.requeueExpired(), a.requeueExpired()]);
        expect(sweeps.flatMap((s) => s.requeued).sort()).toEqual(['c1', 'c2']);
        expect(sweeps.flatMap((s) => s.unanswered.map((u) => u.conversationId)).sort()).toEqual(['c1', 'c2']);
        expect(await a.position('c1')).toEqual({ ok: true, position: 1, queueLength: 2 });
      });

      it('stops when the conversation leaves the agent, and a transfer gives the colleague a fresh timer', async () => {
        await withAnna('moved');
        await withAnna('resolved');
        await a.touch('moved');
        await a.touch('resolved');
        await wait(300 * SECOND);
        expect((await a.transfer('moved', 'anna', { kind: 'agent', agentId: 'bob' })).ok).toBe(true);
        expect((await a.agentReplied('moved', 'bob')).ok).toBe(true);
        expect((await a.resolve('resolved', 'anna')).ok).toBe(true);
        await wait(ANSWER_MS);
        expect((await a.requeueExpired()).requeued).toEqual([]);
        expect((await a.get('moved'))?.agentId).toBe('bob');
        // A queued conversation owes nobody an answer: the customer's messages start no timer.
        expect((await a.release('moved', 'bob')).ok).toBe(true);
        await a.touch('moved');
        expect((await a.get('moved'))?.awaitingAnswerSince).toBeUndefined();
      });
    });

    describe('customer silence', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
      });

      it('closes silent conversations, never a queued one, and frees the agent', async () => {
        await q.touch('idle-bot');
        await escalate('waiting');
        await escalate('talking');
        await q.claim('talking', 'anna');
        clock.advance(601 * SECOND);
        await q.heartbeat('anna');
        await q.agentReplied('talking', 'anna');
        const closed = await q.closeSilent();
        expect([...closed].sort()).toEqual(['idle-bot', 'talking']);
        expect((await q.get('waiting'))?.state).toBe('queued');
        expect(await q.get('talking')).toMatchObject({ state: 'closed', closedReason: 'customer-silence' });
        expect((await q.agent('anna'))?.conversations).toEqual([]);
      });

      it('restarts the silence timer on customer activity', async () => {
        await q.touch('c1');
        clock.advance(500 * SECOND);
        await q.touch('c1');
        clock.advance(500 * SECOND);
        expect(await q.closeSilent()).toEqual([]);
        clock.advance(101 * SECOND);
        expect(await q.closeSilent()).toEqual(['c1']);
      });
    });
  });
}
