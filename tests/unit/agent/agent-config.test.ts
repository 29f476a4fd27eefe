import { ConfigError, loadConfig } from '../../../bot/config';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

test('QUEUE_UPDATE_INTERVAL_MS: 30 s by default, a bad value names the variable', () => {
  expect(loadConfig({}).queueUpdateIntervalMs).toBe(30_000);
  expect(loadConfig({ QUEUE_UPDATE_INTERVAL_MS: '500' }).queueUpdateIntervalMs).toBe(500);
  expect(problems({ QUEUE_UPDATE_INTERVAL_MS: '10' })).toMatch(/QUEUE_UPDATE_INTERVAL_MS: must be between/);
  expect(problems({ QUEUE_UPDATE_INTERVAL_MS: 'soon' })).toMatch(/QUEUE_UPDATE_INTERVAL_MS/);
});

test('SMTP for ticket answers: off without SMTP_HOST; a bad port or a missing sender is named', () => {
  expect(loadConfig({}).smtp).toBeUndefined();
  expect(
    loadConfig({ SMTP_HOST: 'mail.example', SMTP_PORT: '25', SMTP_FROM: 'support@example.com' }).smtp,
  ).toMatchObject({ host: 'mail.example', port: 25, from: 'support@example.com' });
  expect(problems({ SMTP_HOST: 'mail.example', SMTP_PORT: 'x', SMTP_FROM: 'a@b.c' })).toMatch(/SMTP_PORT/);
  expect(problems({ SMTP_HOST: 'mail.example', SMTP_PORT: '25' })).toMatch(/SMTP_FROM/);
});
