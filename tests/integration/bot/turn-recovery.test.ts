import { MemoryStorage } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { buildTestFaq } from '../../support/test-faq';
import { DirectLineCustomer } from '../ops/direct-line-client';
import { startApp, type RunningApp } from './app';

/** The real FAQ, except that the first `failures` matches throw (an index or store that failed mid-turn). */
function failingFaq(faq: Faq, failures: number): { faq: Faq; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(faq, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'match') return (value as (...args: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        calls++;
        if (calls <= failures) return Promise.reject(new Error('matcher unavailable'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { faq: proxy, calls: () => calls };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The bot's replies once there are at least `count` (or what there is after ~5 s). */
async function repliesOnceThere(customer: DirectLineCustomer, count: number): Promise<string[]> {
  let replies: string[] = [];
  for (let i = 0; i < 250; i++) {
    replies = await customer.replies();
    if (replies.length >= count) break;
    await sleep(20);
  }
  return replies;
}

let running: RunningApp | undefined;
afterEach(async () => {
  await running?.app.close();
  running = undefined;
});

describe('memory mode: a turn that throws after its message was stored', () => {
  test('is run again and answered once, with no apology in between', async () => {
    const { faq, calls } = failingFaq(buildTestFaq(), 1);
    running = await startApp(faq, { TURN_LEASE_MS: '200' });
    const customer = (await DirectLineCustomer.start(running.url))!;
    const welcome = await repliesOnceThere(customer, 1);
    expect(welcome).toHaveLength(1);

    const posted = await customer.say('Comment réserver une prestation ?', 'c-1');
    expect(posted.status).toBe(200);
    // The answer and its "did this answer your question?", after the retry.
    const replies = await repliesOnceThere(customer, 3);
    expect(calls()).toBe(2);
    expect(replies.slice(1)).toEqual([
      'Connectez-vous puis cliquez sur « Réserver ».',
      'Est-ce que cela répond à votre question ?',
    ]);
    // The retried POST of the same message gets the same id and no second answer.
    const retried = await customer.say('Comment réserver une prestation ?', 'c-1');
    expect(JSON.parse(retried.text)).toEqual(JSON.parse(posted.text));
    expect(await customer.replies()).toHaveLength(3);
    expect(calls()).toBe(2);
  });

  test('a message that fails every time gets the apology once, after the last attempt', async () => {
    const { faq, calls } = failingFaq(buildTestFaq(), 100);
    running = await startApp(faq, { TURN_LEASE_MS: '200' });
    const customer = (await DirectLineCustomer.start(running.url))!;
    await repliesOnceThere(customer, 1);
    expect((await customer.say('Comment réserver une prestation ?', 'c-1')).status).toBe(200);
    const replies = await repliesOnceThere(customer, 2);
    expect(replies[1]).toMatch(/problème technique/i);
    expect(calls()).toBe(3);
  });

  test('a turn replayed after it completed (the ledger was not told) is recognised and not run twice', async () => {
    const faq = failingFaq(buildTestFaq(), 0);
    const directLineStore = new InMemoryDirectLineStore();
    // The process "dies" between saving the turn's state and telling the ledger: done() is lost once.
    const done = directLineStore.pending.done.bind(directLineStore.pending);
    let lost = 0;
    directLineStore.pending.done = async (activityId, owner) => {
      if (lost++ === 0) return;
      return done(activityId, owner);
    };
    running = await startApp(faq.faq, { TURN_LEASE_MS: '200' }, undefined, {
      storage: new MemoryStorage(),
      directLineStore,
    });
    const customer = (await DirectLineCustomer.start(running.url))!;
    await repliesOnceThere(customer, 1);
    expect((await customer.say('Comment réserver une prestation ?', 'c-1')).status).toBe(200);
    for (let i = 0; i < 100 && lost < 2; i++) await sleep(20);
    expect(lost).toBe(2); // the recovery pass claimed it again and finished it
    expect(await customer.replies()).toHaveLength(3);
    expect(faq.calls()).toBe(1);
  });
});
