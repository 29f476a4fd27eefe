import { ManualClock, type HandoffConfigInput, type HandoffQueue } from '../../handoff';

export type QueueFactory = (options: {
  clock: ManualClock;
  config: HandoffConfigInput;
}) => Promise<HandoffQueue>;

/** Monday 6 January 2025, 10:00 in Paris (09:00 UTC): inside business hours. */
const MONDAY_10H_PARIS = Date.UTC(2025, 0, 6, 9, 0, 0);
/** Monday 6 January 2025, 22:00 in Paris: closed. */
const MONDAY_22H_PARIS = Date.UTC(2025, 0, 6, 21, 0, 0);
const SECOND = 1000;

const CONFIG: HandoffConfigInput = {
  claimTimeoutMs: 60 * SECOND,
  heartbeatTimeoutMs: 30 * SECOND,
  silenceTimeoutMs: 600 * SECOND,
  accountManagerWaitMs: 120 * SECOND,
  handlingSamples: 3,
  defaultHandlingMs: 300 * SECOND,
  ticketReplyWithinMs: 2 * 3600 * SECOND,
};

/** One suite both stores pass: every rule of the handoff queue, through the public interface only. */
export function handoffQueueContract(name: string, makeQueue: QueueFactory): void {
  describe(`HandoffQueue contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;

    beforeEach(async () => {
      clock = new ManualClock(MONDAY_10H_PARIS);
      q = await makeQueue({ clock, config: CONFIG });
    });

    afterEach(async () => {
      await q.dispose();
    });

    const escalate = async (id: string, extra: Record<string, unknown> = {}) => {
      clock.advance(SECOND); // distinct escalation times: FIFO is by time of escalation
      return q.enqueue({ conversationId: id, language: 'fr', ...extra });
    };

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

    describe('claims, capacity, routing', () => {
      it('enforces capacity inside the claim', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 2 });
        for (const id of ['c1', 'c2', 'c3']) await escalate(id);
        expect((await q.claimNext('anna')).ok).toBe(true);
        expect((await q.claim('c3', 'anna')).ok).toBe(true);
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'at-capacity', capacity: 2 });
        expect(await q.claim('c2', 'anna')).toEqual({ ok: false, reason: 'at-capacity', capacity: 2 });
        expect((await q.agent('anna'))?.conversations).toEqual(['c1', 'c3']);
        expect((await q.get('c2'))?.state).toBe('queued');
      });

      it('returns from a claim the same record a read gives afterwards', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 5 });
        await q.agentOnline({ agentId: 'manager', languages: ['fr'], capacity: 5 });
        await q.touch('full');
        await escalate('full', {
          priority: 'b2b',
          accountManagerId: 'manager',
          reason: 'low-confidence',
          contact: { name: 'Mme Martin', email: 'martin@example.com' },
          transcript: [{ at: 5, from: 'customer', text: 'Bonjour' }],
          context: { candidates: [{ id: 'no-show', score: 0.4 }] },
        });
        await escalate('plain');
        const byManager = await q.claimNext('manager');
        expect(byManager.ok && byManager.conversation).toEqual(await q.get('full'));
        expect(byManager.ok && byManager.conversation).toMatchObject({
          priority: 'b2b',
          accountManagerId: 'manager',
          reason: 'low-confidence',
          contact: { name: 'Mme Martin' },
          transcript: [{ at: 5, from: 'customer', text: 'Bonjour' }],
        });
        const byId = await q.claim('plain', 'anna');
        expect(byId.ok && byId.conversation).toEqual(await q.get('plain'));
        await q.agentReplied('plain', 'anna');
        await q.release('plain', 'anna');
        clock.advance(SECOND);
        const again = await q.claimNext('anna');
        expect(again.ok && again.conversation).toEqual(await q.get('plain'));
        expect(again.ok && again.conversation.agentRepliedAt).toBeUndefined();
      });

      it('returns a claimed record whole whatever characters its id and texts hold', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 5 });
        const odd = 'a\x1fb\x1f\x1fc';
        const text = 'un\x1fdeux\n"trois"\u0000 é 🙂';
        await q.touch(odd);
        await escalate(odd, { transcript: [{ at: 1, from: 'customer', text }], context: { note: text } });
        await escalate('second\x1f');
        const first = await q.claimNext('anna');
        expect(first.ok && first.conversation).toEqual(await q.get(odd));
        expect(first.ok && first.conversation).toMatchObject({
          id: odd,
          transcript: [{ at: 1, from: 'customer', text }],
          context: { note: text },
        });
        const second = await q.claim('second\x1f', 'anna');
        expect(second.ok && second.conversation).toEqual(await q.get('second\x1f'));
        expect(second.ok && second.conversation.id).toBe('second\x1f');
      });

      it('lets one agent win a conversation; the other is told who has it', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        await q.agentOnline({ agentId: 'bob', languages: ['fr'] });
        await escalate('c1');
        const first = await q.claim('c1', 'anna');
        expect(first.ok && first.conversation).toMatchObject({
          state: 'with-agent',
          agentId: 'anna',
          claimedAt: clock.now(),
        });
        expect(await q.claim('c1', 'bob')).toEqual({ ok: false, reason: 'already-claimed', agentId: 'anna' });
        expect(await q.claimNext('bob')).toEqual({ ok: false, reason: 'queue-empty' });
      });

      it('routes by language: an agent only gets conversations in a language they speak', async () => {
        await q.agentOnline({ agentId: 'fr-agent', languages: ['fr'] });
        await q.agentOnline({ agentId: 'en-agent', languages: ['en'] });
        await escalate('fr1');
        await escalate('en1', { language: 'en' });
        expect(await q.claim('fr1', 'en-agent')).toEqual({
          ok: false,
          reason: 'not-routable',
          detail: 'language',
        });
        const en = await q.claimNext('en-agent');
        expect(en.ok && en.conversation.id).toBe('en1');
        expect(await q.claimNext('en-agent')).toEqual({ ok: false, reason: 'queue-empty' });
        const fr = await q.claimNext('fr-agent');
        expect(fr.ok && fr.conversation.id).toBe('fr1');
      });

      it('routes by skill: a skilled conversation only goes to agents with the skill', async () => {
        await q.agentOnline({ agentId: 'generalist', languages: ['fr'] });
        await q.agentOnline({ agentId: 'biller', languages: ['fr'], skills: ['billing'] });
        await escalate('bill', { skill: 'billing' });
        await escalate('plain');
        expect(await q.claim('bill', 'generalist')).toEqual({
          ok: false,
          reason: 'not-routable',
          detail: 'skill',
        });
        const g = await q.claimNext('generalist');
        expect(g.ok && g.conversation.id).toBe('plain');
        const b = await q.claimNext('biller');
        expect(b.ok && b.conversation.id).toBe('bill');
      });

      it('refuses claims from an agent who is not online', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        await escalate('c1');
        expect(await q.claimNext('ghost')).toEqual({ ok: false, reason: 'agent-offline' });
        expect(await q.claim('c1', 'ghost')).toEqual({ ok: false, reason: 'agent-offline' });
        await q.agentOffline('anna');
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'agent-offline' });
        expect(await q.heartbeat('anna')).toEqual({ ok: false, reason: 'agent-offline' });
      });

      it('gives a B2B conversation to its account manager first, to the pool after the wait', async () => {
        await q.agentOnline({ agentId: 'manager', languages: ['fr'] });
        await q.agentOnline({ agentId: 'pool', languages: ['fr'] });
        const r = await escalate('acme', { priority: 'b2b', accountManagerId: 'manager' });
        expect(r).toEqual({ ok: true, outcome: 'queued', position: 1, reservedFor: 'manager' });
        expect(await q.claimNext('pool')).toEqual({ ok: false, reason: 'queue-empty' });
        const refused = await q.claim('acme', 'pool');
        expect(refused).toEqual({
          ok: false,
          reason: 'reserved-for-account-manager',
          until: clock.now() + 120 * SECOND,
        });

        clock.advance(121 * SECOND);
        await q.heartbeat('manager');
        await q.heartbeat('pool');
        const sweep = await q.requeueExpired();
        expect(sweep.toPool).toEqual(['acme']);
        const taken = await q.claimNext('pool');
        expect(taken.ok && taken.conversation.id).toBe('acme');
      });

      it('lets the pool take a reservation past its wait at the next claim, before any sweep', async () => {
        await q.agentOnline({ agentId: 'manager', languages: ['fr'] });
        await q.agentOnline({ agentId: 'pool', languages: ['fr'] });
        await escalate('acme', { priority: 'b2b', accountManagerId: 'manager' });
        await escalate('later', { priority: 'b2b' });
        clock.advance(110 * SECOND); // 10 s before acme's wait ends
        await q.heartbeat('manager');
        await q.heartbeat('pool');
        const early = await q.claimNext('pool');
        expect(early.ok && early.conversation.id).toBe('later');
        clock.advance(11 * SECOND);
        await q.heartbeat('manager');
        await q.heartbeat('pool');
        const taken = await q.claimNext('pool');
        expect(taken.ok && taken.conversation).toMatchObject({ id: 'acme', agentId: 'pool' });
        expect(await q.claimNext('manager')).toEqual({ ok: false, reason: 'queue-empty' });
      });

      it('lets the account manager take their reserved conversation before older pool ones', async () => {
        await q.agentOnline({ agentId: 'manager', languages: ['fr'] });
        await escalate('acme', { priority: 'b2b', accountManagerId: 'manager' });
        const r = await q.claimNext('manager');
        expect(r.ok && r.conversation.id).toBe('acme');
      });

      it('sends a B2B conversation straight to the pool when its manager is offline', async () => {
        await q.agentOnline({ agentId: 'pool', languages: ['fr'] });
        expect(await escalate('acme', { priority: 'b2b', accountManagerId: 'away' })).toEqual({
          ok: true,
          outcome: 'queued',
          position: 1,
        });
        const r = await q.claimNext('pool');
        expect(r.ok && r.conversation.id).toBe('acme');
      });
    });

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

    describe('transfer', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 2 });
        await q.agentOnline({ agentId: 'bob', languages: ['fr', 'en'], capacity: 2 });
      });

      const claimedBy = async (id: string, agentId: string, extra: Record<string, unknown> = {}) => {
        await escalate(id, extra);
        const r = await q.claim(id, agentId);
        expect(r.ok).toBe(true);
      };

      it('passes a conversation to a colleague, who now owns it and its claim timeout', async () => {
        await claimedBy('c1', 'anna');
        await q.agentReplied('c1', 'anna');
        clock.advance(10 * SECOND);
        const moved = await q.transfer('c1', 'anna', { kind: 'agent', agentId: 'bob' });
        expect(moved.ok && moved.conversation).toMatchObject({
          state: 'with-agent',
          agentId: 'bob',
          claimedAt: clock.now(),
        });
        expect(moved.ok && moved.conversation.agentRepliedAt).toBeUndefined();
        expect((await q.agent('anna'))?.conversations).toEqual([]);
        expect((await q.agent('bob'))?.conversations).toEqual(['c1']);
        expect(await q.resolve('c1', 'anna')).toEqual({ ok: false, reason: 'not-owner', agentId: 'bob' });

        // bob did not answer within the claim timeout: back to the head of the queue.
        clock.advance(59 * SECOND);
        await q.heartbeat('anna');
        await q.heartbeat('bob');
        expect((await q.requeueExpired()).requeued).toEqual([]);
        clock.advance(2 * SECOND);
        await q.heartbeat('anna');
        await q.heartbeat('bob');
        expect((await q.requeueExpired()).requeued).toEqual(['c1']);
        expect((await q.agent('bob'))?.conversations).toEqual([]);
      });

      it("follows the new owner's console: its silence requeues the conversation", async () => {
        await claimedBy('c1', 'anna');
        await q.transfer('c1', 'anna', { kind: 'agent', agentId: 'bob' });
        await q.agentReplied('c1', 'bob');
        clock.advance(20 * SECOND);
        await q.heartbeat('anna');
        clock.advance(20 * SECOND); // bob: 40 s without heartbeat
        await q.heartbeat('anna');
        const sweep = await q.requeueExpired();
        expect(sweep).toEqual({ requeued: ['c1'], toPool: [], agentsOffline: ['bob'], unanswered: [] });
      });

      it('refuses, changing nothing: not the owner, not with an agent, target offline, language, capacity', async () => {
        await q.agentOnline({ agentId: 'enzo', languages: ['en'] });
        await claimedBy('c1', 'anna');
        await escalate('waiting');
        await claimedBy('b1', 'bob');
        await claimedBy('b2', 'bob');
        const toBob = { kind: 'agent', agentId: 'bob' } as const;
        expect(await q.transfer('c1', 'bob', { kind: 'agent', agentId: 'bob' })).toEqual({
          ok: false,
          reason: 'not-owner',
          agentId: 'anna',
        });
        expect(await q.transfer('waiting', 'anna', toBob)).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'queued',
        });
        expect(await q.transfer('nope', 'anna', toBob)).toEqual({ ok: false, reason: 'not-found' });
        expect(await q.transfer('c1', 'anna', { kind: 'agent', agentId: 'ghost' })).toEqual({
          ok: false,
          reason: 'agent-offline',
        });
        expect(await q.transfer('c1', 'anna', { kind: 'agent', agentId: 'enzo' })).toEqual({
          ok: false,
          reason: 'not-routable',
          detail: 'language',
        });
        expect(await q.transfer('c1', 'anna', toBob)).toEqual({
          ok: false,
          reason: 'at-capacity',
          capacity: 2,
        });
        await q.agentOffline('enzo');
        await q.agentOnline({ agentId: 'enzo', languages: ['fr'] });
        await q.agentOffline('enzo');
        expect(await q.transfer('c1', 'anna', { kind: 'agent', agentId: 'enzo' })).toEqual({
          ok: false,
          reason: 'agent-offline',
        });
        expect(await q.get('c1')).toMatchObject({ state: 'with-agent', agentId: 'anna' });
        expect((await q.agent('anna'))?.conversations).toEqual(['c1']);
        expect((await q.agent('bob'))?.conversations).toEqual(['b1', 'b2']);
        await expect(
          q.transfer('c1', 'anna', { kind: 'queue', language: 'French' } as never),
        ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      });

      it('sends it back to its queue in its class, by its first escalation time, freeing the agent', async () => {
        await claimedBy('first', 'anna');
        await escalate('later');
        await escalate('vip', { priority: 'vip' });
        clock.advance(10 * SECOND);
        const back = await q.transfer('first', 'anna', { kind: 'queue' });
        expect(back.ok && back.conversation).toMatchObject({
          state: 'queued',
          language: 'fr',
          skill: 'general',
        });
        expect(back.ok && back.conversation.agentId).toBeUndefined();
        expect((await q.agent('anna'))?.conversations).toEqual([]);
        expect((await q.peek()).map((e) => e.conversationId)).toEqual(['vip', 'first', 'later']);
        expect(await q.position('first')).toEqual({ ok: true, position: 2, queueLength: 3 });
        // Waiting is not silence: the queued conversation is not closed.
        clock.advance(700 * SECOND);
        expect(await q.closeSilent()).toEqual([]);
      });

      it('sends it to another language or skill queue, where only matching agents get it', async () => {
        await q.agentOnline({ agentId: 'biller', languages: ['en'], skills: ['billing'] });
        await claimedBy('c1', 'anna');
        const moved = await q.transfer('c1', 'anna', { kind: 'queue', language: 'en', skill: 'billing' });
        expect(moved.ok && moved.conversation).toMatchObject({
          state: 'queued',
          language: 'en',
          skill: 'billing',
        });
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'queue-empty' });
        expect(await q.claimNext('bob')).toEqual({ ok: false, reason: 'queue-empty' });
        const taken = await q.claimNext('biller');
        expect(taken.ok && taken.conversation).toMatchObject({ id: 'c1', agentId: 'biller', language: 'en' });
      });

      it('refuses a queue whose language nobody online speaks', async () => {
        await claimedBy('c1', 'anna');
        expect(await q.transfer('c1', 'anna', { kind: 'queue', language: 'de' })).toEqual({
          ok: false,
          reason: 'not-routable',
          detail: 'language',
        });
        expect(await q.get('c1')).toMatchObject({ state: 'with-agent', agentId: 'anna', language: 'fr' });
      });
    });

    describe('presence: away', () => {
      beforeEach(async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 3 });
        await q.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 3 });
      });

      it('keeps their conversations but gives them no new ones', async () => {
        await escalate('mine');
        await q.claim('mine', 'anna');
        await escalate('waiting');
        expect(await q.setPresence('anna', 'away')).toEqual({ ok: true, toPool: [] });
        expect(await q.agent('anna')).toMatchObject({ presence: 'away', conversations: ['mine'] });
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'agent-unavailable' });
        expect(await q.claim('waiting', 'anna')).toEqual({ ok: false, reason: 'agent-unavailable' });
        await q.claim('waiting', 'bob');
        expect(await q.transfer('waiting', 'bob', { kind: 'agent', agentId: 'anna' })).toEqual({
          ok: false,
          reason: 'agent-unavailable',
        });
        // What they hold, they still handle.
        expect((await q.agentReplied('mine', 'anna')).ok).toBe(true);
        expect((await q.transfer('mine', 'anna', { kind: 'agent', agentId: 'bob' })).ok).toBe(true);
        expect((await q.agent('bob'))?.conversations).toEqual(['mine', 'waiting']);
      });

      it('stays away across heartbeats, and online again takes conversations', async () => {
        await q.setPresence('anna', 'away');
        clock.advance(20 * SECOND);
        expect(await q.heartbeat('anna')).toEqual({ ok: true });
        await q.heartbeat('bob');
        clock.advance(20 * SECOND);
        expect(await q.heartbeat('anna')).toEqual({ ok: true });
        await q.heartbeat('bob');
        expect((await q.requeueExpired()).agentsOffline).toEqual([]);
        await escalate('c1');
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'agent-unavailable' });
        expect(await q.setPresence('anna', 'online')).toEqual({ ok: true, toPool: [] });
        expect((await q.agent('anna'))?.presence).toBe('online');
        const taken = await q.claimNext('anna');
        expect(taken.ok && taken.conversation.id).toBe('c1');
      });

      it('counts as nobody for routing: tickets, estimated waits and queue transfers', async () => {
        await q.agentOnline({ agentId: 'enzo', languages: ['en'], capacity: 2 });
        await escalate('fr1');
        expect(await q.estimatedWait('fr1')).toMatchObject({ ok: true, basis: { onlineSlots: 6 } });
        await q.setPresence('bob', 'away');
        expect(await q.estimatedWait('fr1')).toMatchObject({ ok: true, basis: { onlineSlots: 3 } });
        await escalate('en1', { language: 'en' });
        await q.claim('en1', 'enzo');
        await q.setPresence('enzo', 'away');
        expect(await q.transfer('en1', 'enzo', { kind: 'queue' })).toEqual({
          ok: false,
          reason: 'not-routable',
          detail: 'language',
        });
        expect(await escalate('en2', { language: 'en' })).toMatchObject({
          ok: true,
          outcome: 'ticket',
          why: 'no-agent-online',
        });
        await q.setPresence('anna', 'away');
        expect(await escalate('fr2')).toMatchObject({ ok: true, outcome: 'ticket', why: 'no-agent-online' });
        expect(await q.estimatedWait('fr1')).toMatchObject({ ok: true, waitMs: null });
        await q.setPresence('anna', 'online');
        expect(await escalate('fr3')).toMatchObject({ ok: true, outcome: 'queued' });
      });

      it("sends an away account manager's B2B conversations to the pool", async () => {
        await escalate('acme', { priority: 'b2b', accountManagerId: 'anna' });
        expect(await q.setPresence('anna', 'away')).toEqual({ ok: true, toPool: ['acme'] });
        const taken = await q.claimNext('bob');
        expect(taken.ok && taken.conversation.id).toBe('acme');
        expect(await escalate('globex', { priority: 'b2b', accountManagerId: 'anna' })).toEqual({
          ok: true,
          outcome: 'queued',
          position: 1,
        });
      });

      it('refuses for an agent who is not online, and a fresh login is online', async () => {
        expect(await q.setPresence('ghost', 'away')).toEqual({ ok: false, reason: 'agent-offline' });
        await q.setPresence('anna', 'away');
        await q.agentOffline('anna');
        expect(await q.setPresence('anna', 'online')).toEqual({ ok: false, reason: 'agent-offline' });
        expect((await q.agent('anna'))?.presence).toBe('offline');
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        expect((await q.agent('anna'))?.presence).toBe('online');
        await expect(q.setPresence('anna', 'busy' as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
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

    describe('tickets', () => {
      it('opens a ticket outside business hours with a promised reply time in open hours', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        clock.set(MONDAY_22H_PARIS);
        await q.heartbeat('anna');
        const r = await q.enqueue({
          conversationId: 'night',
          language: 'fr',
          contact: { email: 'a@example.com' },
        });
        // opens Tuesday 08:00 Paris (07:00 UTC) + 2 h of open time
        expect(r).toEqual({
          ok: true,
          outcome: 'ticket',
          why: 'outside-hours',
          promisedReplyAt: Date.UTC(2025, 0, 7, 9, 0),
        });
        expect(await q.get('night')).toMatchObject({
          state: 'ticket',
          ticket: { openedAt: MONDAY_22H_PARIS, promisedReplyAt: Date.UTC(2025, 0, 7, 9, 0) },
        });
        expect(await q.claimNext('anna')).toEqual({ ok: false, reason: 'queue-empty' });
      });

      it('opens a ticket when nobody speaking the language is online', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['en'] });
        const r = await escalate('fr1');
        expect(r).toMatchObject({ ok: true, outcome: 'ticket', why: 'no-agent-online' });
      });

      it('opens a ticket when every agent speaking the language has a stale console', async () => {
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        await q.agentOnline({ agentId: 'bob', languages: ['fr'] });
        clock.advance(20 * SECOND);
        await q.heartbeat('bob');
        clock.advance(15 * SECOND); // anna: 35 s without heartbeat, bob: 15 s
        expect(await escalate('fresh')).toMatchObject({ ok: true, outcome: 'queued', position: 1 });
        clock.advance(20 * SECOND); // bob: 36 s (the sweep has not run: both still listed)
        expect(await escalate('stale')).toMatchObject({
          ok: true,
          outcome: 'ticket',
          why: 'no-agent-online',
        });
      });

      it('lists tickets oldest first, and answering one leaves the list exactly once, the case still open', async () => {
        for (const id of ['t1', 't2', 't3']) await escalate(id);
        expect((await q.tickets()).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
        const answered = await q.answerTicket('t2', 'anna', 'Votre prestataire passera demain.');
        expect(answered.ok && answered.conversation).toMatchObject({
          state: 'answered',
          ticket: {
            answer: 'Votre prestataire passera demain.',
            answeredBy: 'anna',
            answeredAt: clock.now(),
          },
        });
        expect(await q.answerTicket('t2', 'bob', 'again')).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'answered',
        });
        expect((await q.tickets()).map((t) => t.id)).toEqual(['t1', 't3']);
        expect((await q.tickets(1)).map((t) => t.id)).toEqual(['t1']);
        // Still an open case for the reports: listed among the answered ones until it is resolved.
        expect((await q.answeredTickets()).map((t) => [t.id, t.state])).toEqual([['t2', 'answered']]);
        clock.advance(1000);
        await q.answerTicket('t1', 'anna', 'Et vous aussi.');
        expect((await q.answeredTickets()).map((t) => t.id)).toEqual(['t2', 't1']);
        expect((await q.answeredTickets(1)).map((t) => t.id)).toEqual(['t2']);
        expect((await q.resolveTicket('t2')).ok).toBe(true);
        expect((await q.answeredTickets()).map((t) => t.id)).toEqual(['t1']);
      });

      it('sends a reply to an answered ticket back to the answering agent when online with room', async () => {
        await escalate('t1', { priority: 'standard' });
        await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 1 });
        await q.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 1 });
        await q.answerTicket('t1', 'anna', 'Votre prestataire passera demain.');
        const replied = await q.customerReplied('t1');
        expect(replied.ok && replied.conversation).toMatchObject({ state: 'queued' });
        expect(replied.ok && replied.conversation.agentId).toBeUndefined();
        expect(await q.peek()).toEqual([
          expect.objectContaining({ conversationId: 't1', reservedFor: 'anna' }),
        ]);
        expect(await q.tickets()).toEqual([]);
        // Only anna may take it while it is reserved for her.
        expect(await q.claimNext('bob')).toEqual({ ok: false, reason: 'queue-empty' });
        const claimed = await q.claimNext('anna');
        expect(claimed.ok && claimed.conversation).toMatchObject({
          id: 't1',
          state: 'with-agent',
          agentId: 'anna',
        });
        expect(await q.customerReplied('t1')).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'with-agent',
        });
        expect(await q.customerReplied('nope')).toEqual({ ok: false, reason: 'not-found' });
      });

      it('sends a reply to the ticket list, at its first place, when the answering agent cannot take it', async () => {
        await escalate('t1');
        await escalate('t2');
        await escalate('t3');
        await q.answerTicket('t1', 'anna', 'answer'); // anna never logged in
        await q.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 1 });
        await q.answerTicket('t2', 'bob', 'answer');
        await escalate('busy');
        await q.claimNext('bob'); // bob is now at capacity
        expect((await q.customerReplied('t2')).ok).toBe(true);
        const back = await q.customerReplied('t1');
        expect(back.ok && back.conversation).toMatchObject({ state: 'ticket', ticket: { answer: 'answer' } });
        expect(back.ok && back.conversation.agentId).toBeUndefined();
        expect((await q.tickets()).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
        // A ticket again: answered again by anyone.
        expect((await q.answerTicket('t1', 'bob', 'second answer')).ok).toBe(true);
      });

      it('resolves an answered ticket once, when the customer confirms it', async () => {
        await escalate('t1');
        expect(await q.resolveTicket('t1')).toEqual({ ok: false, reason: 'wrong-state', state: 'ticket' });
        await q.answerTicket('t1', 'anna', 'answer');
        const resolved = await q.resolveTicket('t1');
        expect(resolved.ok && resolved.conversation).toMatchObject({
          state: 'resolved',
          ticket: { answeredBy: 'anna' },
        });
        expect(await q.resolveTicket('t1')).toEqual({ ok: false, reason: 'wrong-state', state: 'resolved' });
        expect(await q.customerReplied('t1')).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'resolved',
        });
        // Resolved: the silence timer runs again.
        clock.advance(601 * SECOND);
        expect(await q.closeSilent()).toEqual(['t1']);
      });

      it('resolves answered tickets left without a reply for ticketQuietMs, exactly once, not the others', async () => {
        const quiet = await makeQueue({ clock, config: { ...CONFIG, ticketQuietMs: 3600 * SECOND } });
        try {
          for (const id of ['a1', 'a2', 'replied', 'open']) {
            clock.advance(SECOND);
            await quiet.enqueue({ conversationId: id, language: 'fr' });
          }
          await quiet.answerTicket('a1', 'anna', 'answer');
          clock.advance(600 * SECOND);
          await quiet.answerTicket('a2', 'anna', 'answer');
          await quiet.answerTicket('replied', 'anna', 'answer');
          await quiet.customerReplied('replied');
          clock.advance(3000 * SECOND); // a1: 3600 s after its answer, a2: 3000 s
          expect(await quiet.closeSilent()).toEqual([]); // an answered ticket has no silence timer
          expect(await quiet.resolveQuietTickets()).toEqual(['a1']);
          expect(await quiet.resolveQuietTickets()).toEqual([]);
          clock.advance(600 * SECOND);
          expect(await quiet.resolveQuietTickets()).toEqual(['a2']);
          expect((await quiet.get('a1'))?.state).toBe('resolved');
          expect((await quiet.get('replied'))?.state).toBe('ticket');
          expect((await quiet.get('open'))?.state).toBe('ticket');
        } finally {
          await quiet.dispose();
        }
      });

      it('lets the customer cancel a ticket: it leaves the ticket list in the same step', async () => {
        await escalate('t1');
        await escalate('t2');
        const r = await q.cancel('t1');
        expect(r.ok && r.conversation.state).toBe('cancelled');
        expect((await q.tickets()).map((t) => t.id)).toEqual(['t2']);
        expect(await q.answerTicket('t1', 'anna', 'too late')).toEqual({
          ok: false,
          reason: 'wrong-state',
          state: 'cancelled',
        });
        // An answered ticket may be cancelled too: the quiet sweep no longer sees it.
        await q.answerTicket('t2', 'anna', 'answer');
        expect((await q.cancel('t2')).ok).toBe(true);
        clock.advance(49 * 3600 * SECOND);
        expect(await q.resolveQuietTickets()).toEqual([]);
        expect(await q.tickets()).toEqual([]);
        // Cancelled: the bot has it, and the customer may escalate again.
        expect((await escalate('t1')).ok).toBe(true);
      });

      it('offers a waiting ticket to an agent who comes online while its customer is still there', async () => {
        await escalate('gone', { priority: 'standard' });
        await escalate('here');
        await escalate('english', { language: 'en' });
        clock.advance(16 * 60 * SECOND); // 'gone' and 'here' opened 16 min ago
        await q.touch('here'); // ... but this customer just wrote
        await q.touch('english');
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        expect(await q.offerTickets('anna')).toEqual(['here']);
        expect(await q.get('here')).toMatchObject({ state: 'queued' });
        expect((await q.tickets()).map((t) => t.id)).toEqual(['gone', 'english']);
        expect(await q.position('here')).toEqual({ ok: true, position: 1, queueLength: 1 });
        const claimed = await q.claimNext('anna');
        expect(claimed.ok && claimed.conversation.id).toBe('here');
        expect(await q.offerTickets('anna')).toEqual([]);
      });

      it('offers no ticket to an away or offline agent, nor outside business hours', async () => {
        await escalate('here');
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        await q.setPresence('anna', 'away');
        expect(await q.offerTickets('anna')).toEqual([]);
        expect(await q.offerTickets('nobody')).toEqual([]);
        await q.agentOnline({ agentId: 'anna', languages: ['fr'] });
        clock.set(MONDAY_22H_PARIS);
        await q.heartbeat('anna');
        await q.touch('here');
        expect(await q.offerTickets('anna')).toEqual([]);
        expect((await q.get('here'))?.state).toBe('ticket');
      });

      it('does not close a ticket on customer silence', async () => {
        await escalate('t1');
        clock.advance(3600 * SECOND);
        expect(await q.closeSilent()).toEqual([]);
        expect((await q.get('t1'))?.state).toBe('ticket');
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
