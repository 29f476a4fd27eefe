import { ManualClock, type HandoffQueue } from '../../handoff';
import { SECOND, type QueueFactory, freshQueueEachTest } from './handoff-queue-setup';

/**
 * The AgentRoster role's contract (presence: online, away, heartbeats, logout): both stores pass
 * it, through the public interface only.
 */
export function agentRosterContract(name: string, makeQueue: QueueFactory): void {
  describe(`AgentRoster contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;
    const escalate = freshQueueEachTest(makeQueue, (made) => ({ clock, q } = made));

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
  });
}
