import { ManualClock, type HandoffQueue } from '../../handoff';
import { SECOND, type QueueFactory, freshQueueEachTest } from './handoff-queue-setup';

/**
 * The AgentDesk role's contract (claims, capacity, routing by language, skill and account manager,
 * and transfers): both stores pass it, through the public interface only.
 */
export function agentDeskContract(name: string, makeQueue: QueueFactory): void {
  describe(`AgentDesk contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;
    const escalate = freshQueueEachTest(makeQueue, (made) => ({ clock, q } = made));

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
  });
}
