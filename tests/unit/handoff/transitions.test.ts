import fc from 'fast-check';
import {
  HANDOFF_STATES,
  ManualClock,
  MemoryHandoffQueue,
  TRANSITIONS,
  canTransition,
  estimateWaitMs,
  parseHandoffConfig,
  type HandoffState,
} from '../../../handoff';

describe('conversation states', () => {
  it('only lets a conversation the store never saw escalate (it is with the bot)', () => {
    expect(canTransition(null, 'enqueue')).toBe(true);
    expect(canTransition(null, 'claim')).toBe(false);
  });

  it('never runs the silence timer while queued or as a ticket', () => {
    expect(TRANSITIONS.closeSilent.from).not.toContain('queued');
    expect(TRANSITIONS.closeSilent.from).not.toContain('ticket');
  });

  it('leaves closed only by a new escalation (a new handoff cycle)', () => {
    const fromClosed = Object.entries(TRANSITIONS)
      .filter(([, t]) => t.from.includes('closed'))
      .map(([name]) => name);
    expect(fromClosed).toEqual(['enqueue', 'openTicket']);
  });

  it('random sequences of operations only ever move along the table (memory store)', async () => {
    type Op =
      | 'enqueue'
      | 'claim'
      | 'release'
      | 'transferAgent'
      | 'transferQueue'
      | 'handBack'
      | 'resolve'
      | 'cancel'
      | 'silence';
    const ops: Op[] = [
      'enqueue',
      'claim',
      'release',
      'transferAgent',
      'transferQueue',
      'handBack',
      'resolve',
      'cancel',
      'silence',
    ];
    const allowed: Record<Op, { from: readonly HandoffState[]; to: readonly HandoffState[] }> = {
      enqueue: { from: TRANSITIONS.enqueue.from, to: ['queued'] },
      claim: { from: ['queued'], to: ['with-agent'] },
      release: { from: ['with-agent'], to: ['queued'] },
      transferAgent: { from: TRANSITIONS.transfer.from, to: [TRANSITIONS.transfer.to] },
      transferQueue: { from: TRANSITIONS.transferToQueue.from, to: [TRANSITIONS.transferToQueue.to] },
      handBack: { from: ['with-agent'], to: ['bot'] },
      resolve: { from: ['with-agent'], to: ['resolved'] },
      cancel: { from: ['queued'], to: ['cancelled'] },
      silence: { from: TRANSITIONS.closeSilent.from, to: ['closed'] },
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ops), { maxLength: 25 }), async (sequence) => {
        const clock = new ManualClock();
        const q = new MemoryHandoffQueue({ clock, config: { silenceTimeoutMs: 1000 } });
        await q.agentOnline({ agentId: 'a', languages: ['fr'] });
        await q.agentOnline({ agentId: 'b', languages: ['fr'] });
        await q.touch('c');
        let state: HandoffState = 'bot';
        for (const op of sequence) {
          clock.advance(10);
          await q.heartbeat('a');
          await q.heartbeat('b');
          // The owner acts (a transfer may have made it b); claims are a's.
          const owner = (await q.get('c'))?.agentId ?? 'a';
          let ok: boolean;
          if (op === 'enqueue') ok = (await q.enqueue({ conversationId: 'c', language: 'fr' })).ok;
          else if (op === 'claim') ok = (await q.claim('c', 'a')).ok;
          else if (op === 'release') ok = (await q.release('c', owner)).ok;
          else if (op === 'transferAgent')
            ok = (await q.transfer('c', owner, { kind: 'agent', agentId: owner === 'a' ? 'b' : 'a' })).ok;
          else if (op === 'transferQueue') ok = (await q.transfer('c', owner, { kind: 'queue' })).ok;
          else if (op === 'handBack') ok = (await q.handBack('c', owner)).ok;
          else if (op === 'resolve') ok = (await q.resolve('c', owner)).ok;
          else if (op === 'cancel') ok = (await q.cancel('c')).ok;
          else {
            clock.advance(2000);
            await q.heartbeat('a');
            await q.heartbeat('b');
            ok = (await q.closeSilent()).includes('c');
          }
          const now = (await q.get('c'))?.state ?? 'bot';
          expect(ok).toBe(allowed[op].from.includes(state));
          if (ok) expect(allowed[op].to).toContain(now);
          else expect(now).toBe(state); // refused: nothing changed
          expect(HANDOFF_STATES).toContain(now);
          state = now;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('estimated wait formula', () => {
  it('is position × mean recent handling time ÷ online slots, rounded up', () => {
    expect(
      estimateWaitMs({ position: 3, onlineSlots: 2, recentHandlingMs: [100, 200], defaultHandlingMs: 999 }),
    ).toBe(225);
    expect(
      estimateWaitMs({ position: 1, onlineSlots: 4, recentHandlingMs: [], defaultHandlingMs: 1000 }),
    ).toBe(250);
    expect(
      estimateWaitMs({ position: 1, onlineSlots: 0, recentHandlingMs: [5], defaultHandlingMs: 1 }),
    ).toBeNull();
  });
});

describe('handoff config', () => {
  it('names the bad field', () => {
    expect(() => parseHandoffConfig({ claimTimeoutMs: -1 })).toThrow(/claimTimeoutMs/);
    expect(() => parseHandoffConfig({ keyPrefix: 'a{b}' })).toThrow(/keyPrefix/);
    expect(() => parseHandoffConfig({ claimTimeoutMs: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });
});
