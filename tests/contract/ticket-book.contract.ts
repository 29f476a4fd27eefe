import { ManualClock, type HandoffQueue } from '../../handoff';
import {
  CONFIG,
  MONDAY_22H_PARIS,
  SECOND,
  type QueueFactory,
  freshQueueEachTest,
} from './handoff-queue-setup';

/**
 * The TicketBook role's contract (opening, answering, the customer's reply, confirmation, offers):
 * both stores pass it, through the public interface only.
 */
export function ticketBookContract(name: string, makeQueue: QueueFactory): void {
  describe(`TicketBook contract: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;
    const escalate = freshQueueEachTest(makeQueue, (made) => ({ clock, q } = made));

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
  });
}
