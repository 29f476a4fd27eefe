import { HandoffSweeper, ManualClock, MemoryHandoffQueue, type SweepReport } from '../../../handoff';

describe('HandoffSweeper', () => {
  it('runs the claim-timeout requeue and the silence close in one sweep, reporting both', async () => {
    const clock = new ManualClock();
    const queue = new MemoryHandoffQueue({
      clock,
      config: { claimTimeoutMs: 60_000, silenceTimeoutMs: 120_000 },
    });
    const reports: SweepReport[] = [];
    const sweeper = new HandoffSweeper({ queue, onSweep: (r) => reports.push(r) });
    await queue.agentOnline({ agentId: 'anna', languages: ['fr'] });
    await queue.touch('quiet');
    await queue.enqueue({ conversationId: 'claimed', language: 'fr' });
    await queue.claimNext('anna');

    clock.advance(61_000);
    await queue.heartbeat('anna');
    expect(await sweeper.sweep()).toEqual({
      requeued: ['claimed'],
      toPool: [],
      agentsOffline: [],
      unanswered: [],
      closedSilent: [],
      quietTickets: [],
    });
    clock.advance(60_000);
    await queue.heartbeat('anna');
    expect((await sweeper.sweep()).closedSilent).toEqual(['quiet']);
    expect(reports).toHaveLength(2);
    expect((await queue.get('claimed'))?.state).toBe('queued'); // queued: its silence timer is off
  });
});
