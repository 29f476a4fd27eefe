import { detectIntent } from '../../../bot/conversation/intents';

describe('goodbye', () => {
  test.each([
    'au revoir',
    'Merci, au revoir !',
    'ok merci bonne journée',
    'bonne soirée à vous',
    'bye',
    'Thanks, goodbye',
    'have a nice day',
  ])('"%s" is a goodbye', (text) => {
    expect(detectIntent(text)).toBe('goodbye');
  });

  test.each([
    ['comment réserver pour demain, bonne journée', undefined],
    ['merci', 'thanks'],
    ['bonjour', 'greeting'],
  ])('"%s" is not a goodbye', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});
