import fc from 'fast-check';
import {
  botFrameworkKey,
  isDirectLineKey,
  parseBotFrameworkKey,
} from '../../../bot/channels/conversation-key';

describe('conversation keys', () => {
  test('a Bot Framework key names the entry point and the channel, and reads back', () => {
    const key = botFrameworkKey({ channelId: 'msteams', id: '19:abc@thread.v2;messageid=1' });
    expect(key).toBe('bf:msteams:19:abc@thread.v2;messageid=1');
    expect(parseBotFrameworkKey(key)).toEqual({ channelId: 'msteams', id: '19:abc@thread.v2;messageid=1' });
  });

  test('a Direct Line id is no Bot Framework key, and no Bot Framework key is a Direct Line id', () => {
    const directLineId = fc
      .base64String()
      .map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, ''));
    fc.assert(
      fc.property(
        directLineId.filter((s) => s.length > 0 && s.length <= 64),
        (id) => {
          expect(isDirectLineKey(id)).toBe(true);
          expect(parseBotFrameworkKey(id)).toBeUndefined();
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9._-]{1,32}$/),
        fc.string({ minLength: 1 }),
        (channelId, id) => {
          const key = botFrameworkKey({ channelId, id });
          expect(isDirectLineKey(key)).toBe(false);
          expect(parseBotFrameworkKey(key)).toEqual({ channelId, id });
        },
      ),
    );
  });

  test('a channelId that could break the key is refused', () => {
    expect(() => botFrameworkKey({ channelId: 'a:b', id: 'x' })).toThrow(/channelId/);
    expect(parseBotFrameworkKey('bf::x')).toBeUndefined();
    expect(parseBotFrameworkKey('dl:webchat:x')).toBeUndefined();
  });
});
