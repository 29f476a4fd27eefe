import type { Agent } from '../agent/clients';
import type { DirectLineCustomer } from './direct-line-client';

export const QUESTION = 'Comment annuler une réservation ?';
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Customers who keep writing; every 200 is a message the customer was told is saved. */
export class Load {
  readonly acked = new Map<DirectLineCustomer, string[]>();
  readonly statuses = new Map<number, number>();
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(customers: readonly DirectLineCustomer[], text = QUESTION) {
    for (const [n, customer] of customers.entries()) {
      this.acked.set(customer, []);
      this.loops.push(this.write(customer, n, text));
    }
  }

  private async write(customer: DirectLineCustomer, n: number, text: string): Promise<void> {
    for (let i = 0; this.running; i++) {
      const id = `load-${n}-${i}`;
      const answer = await customer.say(text, id).catch(() => ({ status: 0 }));
      this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) this.acked.get(customer)!.push(id);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

/** An agent who keeps replying in the conversations they hold; every 200 is a line they were told is sent. */
export class AgentLoad {
  /** Conversation id → texts acknowledged, in order (each text unique, so "said twice" shows). */
  readonly acked = new Map<string, string[]>();
  readonly statuses = new Map<number, number>();
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(agent: Agent, conversationIds: readonly string[]) {
    for (const id of conversationIds) {
      this.acked.set(id, []);
      this.loops.push(this.write(agent, id));
    }
  }

  private async write(agent: Agent, conversationId: string): Promise<void> {
    for (let i = 0; this.running; i++) {
      const text = `Réponse ${i} à ${conversationId}`;
      // One message id per line: a retry of the same line is the product's to deduplicate.
      const clientMessageId = `agent-${i}-${conversationId}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
      const res = await agent
        .post(`/conversations/${conversationId}/messages`, { text, clientMessageId })
        .catch(() => ({ status: 0 }));
      this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) this.acked.get(conversationId)!.push(text);
      await sleep(150);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

/** Time from now until a new message of `probe` is acknowledged and answered by the bot. */
export async function msUntilAnswered(probe: DirectLineCustomer, limitMs: number): Promise<number> {
  const started = Date.now();
  for (let i = 0; Date.now() - started < limitMs; i++) {
    const before = (await probe.replies().catch(() => undefined))?.length;
    if (before !== undefined) {
      const answer = await probe.say(QUESTION, `probe-${i}`).catch(() => ({ status: 0 }));
      if (answer.status === 200)
        for (let poll = 0; poll < 50; poll++) {
          const now = (await probe.replies().catch(() => [])).length;
          if (now > before) return Date.now() - started;
          await sleep(50);
        }
    }
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}
