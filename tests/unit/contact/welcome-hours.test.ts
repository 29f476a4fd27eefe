import type { Activity } from 'botbuilder';
import type { SupportHours } from '../../../bot/config';
import { closedNow } from '../../../bot/requests/closed-now';
import { closedNowSentence } from '../../../bot/text/opening';
import { startBot } from '../bot/harness';
import { buildTestFaq } from '../../support/test-faq';
import { PARIS_HOURS } from '../../support/test-settings';

const paris = (iso: string) => new Date(iso);

describe('when support is closed, the welcome says when it opens', () => {
  it.each([
    // Wednesday 11 March 2026, 23:00 in Paris → Thursday 08:00.
    ['2026-03-11T22:00:00Z', 'demain', 'Le service Client est fermé en ce moment ; il ouvre demain à 08:00.'],
    // Thursday 06:30 in Paris → today 08:00.
    [
      '2026-03-12T05:30:00Z',
      'aujourd’hui',
      'Le service Client est fermé en ce moment ; il ouvre aujourd’hui à 08:00.',
    ],
    // Saturday 21:30 in Paris → Monday (Sunday is closed).
    [
      '2026-03-14T20:30:00Z',
      'lundi',
      'Le service Client est fermé en ce moment ; il ouvre lundi 16 mars à 08:00.',
    ],
  ])('at %s it opens %s', (at, _day, sentence) => {
    const closed = closedNow(paris(at), PARIS_HOURS);
    expect(closed && closedNowSentence('fr', closed)).toBe(sentence);
  });

  it('in English, and in the company time zone whatever the server runs in', () => {
    const closed = closedNow(paris('2026-03-11T22:00:00Z'), PARIS_HOURS);
    expect(closed && closedNowSentence('en', closed)).toBe(
      'Customer Service is closed right now; it opens tomorrow at 08:00.',
    );
    const newYork: SupportHours = { ...PARIS_HOURS, timeZone: 'America/New_York' };
    // 22:00 UTC is 18:00 in New York: open.
    expect(closedNow(paris('2026-03-11T22:00:00Z'), newYork)).toBeUndefined();
    // 02:00 UTC is 22:00 the evening before in New York (EDT since 8 March): tomorrow, 08:00 there.
    const late = closedNow(paris('2026-03-12T02:00:00Z'), newYork);
    expect(late?.opensAt).toBe(Date.UTC(2026, 2, 12, 12, 0));
    expect(late && closedNowSentence('en', late)).toBe(
      'Customer Service is closed right now; it opens tomorrow at 08:00.',
    );
  });

  it('across the spring-forward weekend: Saturday night opens Monday 08:00 Paris (summer time)', () => {
    // Saturday 28 March 2026, 22:30 in Paris; the clocks go forward on Sunday.
    const closed = closedNow(paris('2026-03-28T21:30:00Z'), PARIS_HOURS);
    expect(closed?.opensAt).toBe(Date.UTC(2026, 2, 30, 6, 0));
    expect(closed && closedNowSentence('fr', closed)).toContain('il ouvre lundi 30 mars à 08:00');
    // Sunday 00:30: Monday is tomorrow.
    const sunday = closedNow(paris('2026-03-28T23:30:00Z'), PARIS_HOURS);
    expect(sunday && closedNowSentence('fr', sunday)).toContain('il ouvre demain à 08:00');
  });

  it('open: nothing is added', () => {
    expect(closedNow(paris('2026-03-11T09:00:00Z'), PARIS_HOURS)).toBeUndefined();
  });

  it('the welcome of a conversation started at night carries it', async () => {
    const { adapter, sent } = startBot(buildTestFaq(), { now: paris('2026-03-11T22:00:00Z') });
    await adapter.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user', name: 'user' }],
    } as Partial<Activity>);
    const welcome = sent.find((a) => a.type === 'message')?.text ?? '';
    expect(welcome).toContain('un robot, pas une personne');
    expect(welcome).toMatch(/Le service Client est fermé en ce moment ; il ouvre demain à 08:00\.$/);
  });
});
