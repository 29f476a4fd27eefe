import { Registry } from '../../../bot/metrics/registry';

describe('metric labels come from fixed sets', () => {
  test('a value outside the set is counted as "other"', async () => {
    const registry = new Registry();
    const turns = registry.counter('t_total', 'turns', { channel: ['webchat', 'msteams'] });
    turns.inc({ channel: 'webchat' });
    turns.inc({ channel: 'x'.repeat(10_000) });
    turns.inc({ channel: 'evil' });
    const { text } = await registry.render();
    expect(text.split('\n').filter((l) => l.startsWith('t_total'))).toEqual([
      't_total{channel="webchat"} 1',
      't_total{channel="other"} 2',
    ]);
  });

  test('a label the series did not declare is a programming error', () => {
    const registry = new Registry();
    const plain = registry.counter('p_total', 'plain');
    expect(() => plain.inc({ anything: 'x' })).toThrow(/no label anything/);
    const histogram = registry.histogram('h_seconds', 'h', [1]);
    expect(() => histogram.observe(1, { route: '/x' })).toThrow(/no label route/);
  });

  test('a set given as a function is read at the first sample', () => {
    const registry = new Registry();
    const routes: string[] = [];
    const requests = registry.counter('r_total', 'requests', { route: () => routes });
    routes.push('/api/messages');
    requests.inc({ route: '/api/messages' });
    requests.inc({ route: '/api/elsewhere' });
    expect(requests.get({ route: '/api/messages' })).toBe(1);
    expect(requests.get({ route: 'other' })).toBe(1);
  });

  test('gauge readings outside the set are added into one "other" sample', async () => {
    const registry = new Registry();
    registry.gauge(
      'q_length',
      'queue',
      () => [
        [{ language: 'fr' }, 2],
        [{ language: 'de' }, 1],
        [{ language: 'zz' }, 4],
      ],
      'gauge',
      { language: ['fr', 'en'] },
    );
    const { text } = await registry.render();
    expect(text).toContain('q_length{language="fr"} 2\nq_length{language="other"} 5');
  });
});
