import { newConversation, remember } from '../../../bot/conversation/state';

describe('remember: one transcript type (at in epoch ms)', () => {
  test('a line stored with an ISO `at` before the types were one is read back as ms', () => {
    const data = newConversation();
    // As a conversation saved by an earlier version holds it.
    (data.transcript as unknown[]).push({
      from: 'customer',
      text: 'bonjour',
      at: '2026-03-11T09:00:00.000Z',
    });
    remember(data, { from: 'bot', text: 'Bonjour !', at: Date.UTC(2026, 2, 11, 9, 0, 1) });
    expect(data.transcript).toEqual([
      { from: 'customer', text: 'bonjour', at: Date.UTC(2026, 2, 11, 9, 0, 0) },
      { from: 'bot', text: 'Bonjour !', at: Date.UTC(2026, 2, 11, 9, 0, 1) },
    ]);
  });

  test('keeps the last TRANSCRIPT_LIMIT lines', () => {
    const data = newConversation();
    for (let i = 0; i < 70; i += 1) remember(data, { from: 'customer', text: `m${i}`, at: i });
    expect(data.transcript).toHaveLength(60);
    expect(data.transcript[0]).toEqual({ from: 'customer', text: 'm10', at: 10 });
  });
});
