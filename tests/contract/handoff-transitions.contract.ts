import {
  HANDOFF_STATES,
  ManualClock,
  TRANSITIONS,
  canTransition,
  type HandoffState,
  type HandoffConfigInput,
  type HandoffQueue,
  type TransitionName,
} from '../../handoff';

export type TransitionsQueueFactory = (options: {
  clock: ManualClock;
  config: HandoffConfigInput;
}) => Promise<HandoffQueue>;

/** Monday 6 January 2025, 10:00 in Paris: inside business hours. */
const MONDAY_10H_PARIS = Date.UTC(2025, 0, 6, 9, 0, 0);
const SECOND = 1000;
const CONFIG: HandoffConfigInput = {
  claimTimeoutMs: 60 * SECOND,
  heartbeatTimeoutMs: 30 * SECOND,
  silenceTimeoutMs: 600 * SECOND,
  ticketQuietMs: 3600 * SECOND,
};

interface Move {
  readonly name: TransitionName;
  readonly run: (q: HandoffQueue, id: string) => Promise<{ ok: boolean; reason?: string; state?: string }>;
}

/**
 * Every move a caller makes on one conversation, by the transition it is in TRANSITIONS. French is
 * served (anna and bob, online), English is not, so an English escalation opens a ticket.
 */
const MOVES: readonly Move[] = [
  { name: 'enqueue', run: (q, id) => q.enqueue({ conversationId: id, language: 'fr' }) },
  { name: 'openTicket', run: (q, id) => q.enqueue({ conversationId: id, language: 'en' }) },
  { name: 'claim', run: (q, id) => q.claim(id, 'anna') },
  { name: 'release', run: (q, id) => q.release(id, 'anna') },
  { name: 'transfer', run: (q, id) => q.transfer(id, 'anna', { kind: 'agent', agentId: 'bob' }) },
  { name: 'transferToQueue', run: (q, id) => q.transfer(id, 'anna', { kind: 'queue' }) },
  { name: 'handBack', run: (q, id) => q.handBack(id, 'anna') },
  { name: 'resolve', run: (q, id) => q.resolve(id, 'anna') },
  { name: 'cancel', run: (q, id) => q.cancel(id) },
  { name: 'answerTicket', run: (q, id) => q.answerTicket(id, 'anna', 'Réponse') },
  // anna answered and is available with room: the reply goes back to her.
  { name: 'replyToAnswer', run: (q, id) => q.customerReplied(id) },
  {
    // anna is away: the reply reopens the ticket.
    name: 'reopenTicket',
    run: async (q, id) => {
      await q.setPresence('anna', 'away');
      try {
        return await q.customerReplied(id);
      } finally {
        await q.setPresence('anna', 'online');
      }
    },
  },
  { name: 'resolveTicket', run: (q, id) => q.resolveTicket(id) },
];

/** The transitions only the sweeps make (several conversations at once). */
const SWEPT: readonly TransitionName[] = [
  'requeueExpired',
  'closeSilent',
  'resolveQuietTicket',
  'offerTicket',
];

/**
 * TRANSITIONS is the only source of the rules: for every state and every transition, a store
 * makes the move exactly when the table allows it, to the table's target, and a refused move
 * changes nothing. Both stores pass it (the Redis guards are generated from the table).
 */
export function handoffTransitionsContract(name: string, makeQueue: TransitionsQueueFactory): void {
  describe(`HandoffQueue transitions table: ${name}`, () => {
    let clock: ManualClock;
    let q: HandoffQueue;

    beforeEach(async () => {
      clock = new ManualClock(MONDAY_10H_PARIS);
      q = await makeQueue({ clock, config: CONFIG });
      await q.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 100 });
      await q.agentOnline({ agentId: 'bob', languages: ['fr'], capacity: 100 });
    });
    afterEach(async () => {
      await q.dispose();
    });

    const advance = async (ms: number): Promise<void> => {
      clock.advance(ms);
      await q.heartbeat('anna');
      await q.heartbeat('bob');
    };

    /** Brings a new conversation into `state` through the public interface only. */
    const into = async (state: HandoffState, id: string): Promise<void> => {
      if (state === 'bot') await q.touch(id);
      if (state === 'queued' || state === 'with-agent' || state === 'resolved' || state === 'cancelled')
        await q.enqueue({ conversationId: id, language: 'fr' });
      if (state === 'with-agent' || state === 'resolved') await q.claim(id, 'anna');
      if (state === 'resolved') await q.resolve(id, 'anna');
      if (state === 'cancelled') await q.cancel(id);
      if (state === 'ticket' || state === 'answered') await q.enqueue({ conversationId: id, language: 'en' });
      if (state === 'answered') await q.answerTicket(id, 'anna', 'Réponse');
      if (state === 'closed') {
        await q.touch(id);
        await advance(601 * SECOND);
        await q.closeSilent();
      }
      expect((await q.get(id))?.state).toBe(state);
    };

    it('covers every transition of the table, by a move or a sweep', () => {
      const covered = [...MOVES.map((m) => m.name), ...SWEPT].sort();
      expect(covered).toEqual(Object.keys(TRANSITIONS).sort());
    });

    it.each([...HANDOFF_STATES])('from %s, makes exactly the moves the table allows', async (state) => {
      for (const move of MOVES) {
        const id = `${state}-${move.name}`;
        await into(state, id);
        const result = await move.run(q, id);
        const now = (await q.get(id))?.state;
        const allowed = canTransition(state, move.name);
        expect({ move: move.name, ok: result.ok }).toEqual({ move: move.name, ok: allowed });
        if (allowed) {
          expect({ move: move.name, now }).toEqual({ move: move.name, now: TRANSITIONS[move.name].to });
        } else {
          expect({ move: move.name, now }).toEqual({ move: move.name, now: state });
          // Refusals name why: the state, or where it already is.
          expect(['wrong-state', 'already-queued', 'already-claimed']).toContain(result.reason);
          if (result.reason === 'wrong-state') expect(result.state).toBe(state);
        }
      }
    });

    /** One conversation in every state; returns the ids by state. */
    const everyState = async (): Promise<Map<HandoffState, string>> => {
      const ids = new Map<HandoffState, string>();
      // closed first: reaching it runs the silence sweep, which would close the others.
      for (const state of ['closed', ...HANDOFF_STATES.filter((s) => s !== 'closed')] as const) {
        ids.set(state, `swept-${state}`);
        await into(state, `swept-${state}`);
      }
      return ids;
    };
    const expectedFrom = (ids: Map<HandoffState, string>, name: TransitionName): string[] =>
      [...ids].filter(([state]) => canTransition(state, name)).map(([, id]) => id);

    it('sweeps silent conversations exactly from the states closeSilent starts from', async () => {
      const ids = await everyState();
      await advance(601 * SECOND);
      expect([...(await q.closeSilent())].sort()).toEqual(expectedFrom(ids, 'closeSilent').sort());
    });

    it('requeues expired claims exactly from the states requeueExpired starts from', async () => {
      const ids = await everyState();
      await advance(61 * SECOND);
      expect([...(await q.requeueExpired()).requeued].sort()).toEqual(
        expectedFrom(ids, 'requeueExpired').sort(),
      );
    });

    it('resolves quiet answered tickets exactly from the states resolveQuietTicket starts from', async () => {
      const ids = await everyState();
      await advance(3601 * SECOND);
      expect([...(await q.resolveQuietTickets())].sort()).toEqual(
        expectedFrom(ids, 'resolveQuietTicket').sort(),
      );
    });

    it('offers tickets to an agent who comes online exactly from the states offerTicket starts from', async () => {
      const ids = await everyState();
      await q.agentOnline({ agentId: 'carl', languages: ['fr', 'en'], capacity: 100 });
      expect([...(await q.offerTickets('carl'))].sort()).toEqual(expectedFrom(ids, 'offerTicket').sort());
    });
  });
}
