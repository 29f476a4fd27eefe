import { captureLog } from './log-capture';

// What an SMS channel's conversation id looks like: the customer's number, sometimes an e-mail, often URL-encoded.
const RAW_VALUES = ['jean.dupont', 'jean.dupont+sav', '612345678', '6 12 34 56 78', '12+34+56'];

function expectNothingRaw(raw: readonly string[]): void {
  const text = raw.join('');
  for (const value of RAW_VALUES) expect(text).not.toContain(value);
  expect(text).not.toMatch(/%40|%2B33/i);
}

describe('log masking cannot be bypassed', () => {
  test('by the conversation id and agent id of child loggers, at any depth of children', () => {
    const captured = captureLog();
    const child = captured.log.child?.({ conversationId: 'sms:+33612345678:jean.dupont@example.fr' });
    child?.info('turn');
    child?.child?.({ agentId: 'jean.dupont+sav@example.fr' }).error('relay failed', new Error('boom'));
    expectNothingRaw(captured.raw);
    const [turn, failed] = captured.lines();
    expect(turn?.['conversationId']).toBe('sms:+*********78:j***@e***.fr');
    expect(failed?.['agentId']).toBe('j***@e***.fr');
  });

  test('by percent-encoding, form encoding (+ for spaces) and double encoding, in messages and fields', () => {
    const captured = captureLog();
    captured.log.info('GET /v3/conversations/jean.dupont%40example.fr/activities');
    captured.log.info('lookup', {
      url: '/api/x?phone=%2B33612345678&mail=jean.dupont%2Bsav%40example.fr',
      query: 'tel=06+12+34+56+78',
      twice: 'jean.dupont%2540example.fr',
    });
    expectNothingRaw(captured.raw);
    const [message, fields] = captured.lines();
    expect(message?.['msg']).toBe('GET /v3/conversations/j***@e***.fr/activities');
    expect(fields).toMatchObject({ query: 'tel=**+**+**+**+78', twice: 'j***@e***.fr' });
  });

  test('by nesting deeper than the scrubber used to look, by object keys and by arrays', () => {
    const captured = captureLog();
    let deep: Record<string, unknown> = { email: 'jean.dupont@example.fr' };
    for (let i = 0; i < 12; i++) deep = { level: deep };
    captured.log.info('deep', { deep, byKey: { '+33612345678': true }, list: [['06 12 34 56 78']] });
    expectNothingRaw(captured.raw);
  });

  test('text that only looks encoded is left readable', () => {
    const captured = captureLog();
    captured.log.info('progress 100% done, 50%off, path /a%20b');
    expect(captured.lines()[0]?.['msg']).toBe('progress 100% done, 50%off, path /a%20b');
  });
});
