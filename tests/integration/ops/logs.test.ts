import { ConfigError, loadConfig } from '../../../bot/config';
import { smtpConfigFromEnv } from '../../../handoff/tickets/smtp-config';
import { postJson } from '../bot/app';
import { Agent, Customer } from '../agent/clients';
import { captureLog } from './log-capture';
import { PASSWORDS, startHostileApp, SUPERVISOR_TOKEN } from './hostile-app';
import { SECRET } from '../../support/test-settings';

describe('log lines', () => {
  test('are one JSON object per line with level, time, message and fields; LOG_LEVEL filters', () => {
    expect(loadConfig({}).log).toEqual({ level: 'info', maskPersonalData: true });
    expect(loadConfig({ LOG_LEVEL: 'debug', LOG_PERSONAL_DATA: 'show' }).log).toEqual({
      level: 'debug',
      maskPersonalData: false,
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: must be one of fatal, error/);

    const captured = captureLog('info');
    captured.log.debug?.('not at info');
    captured.log.info('listening', { port: 3978 });
    captured.log.error('turn failed', new Error('boom'));
    const [info, error, ...rest] = captured.lines();
    expect(rest).toEqual([]);
    expect(info).toMatchObject({ level: 'info', msg: 'listening', port: 3978, service: 'relais' });
    expect(typeof info?.['time']).toBe('string');
    expect(error).toMatchObject({
      level: 'error',
      msg: 'turn failed',
      err: { message: 'boom', type: 'Error' },
    });
  });

  test('child loggers put the conversation and the agent on every line', () => {
    const captured = captureLog();
    const child = captured.log.child?.({ conversationId: 'conv-1' });
    child?.child?.({ agentId: 'alice' }).info('conversation claimed');
    expect(captured.lines()).toEqual([
      expect.objectContaining({ msg: 'conversation claimed', conversationId: 'conv-1', agentId: 'alice' }),
    ]);
  });

  test('e-mail addresses and phone numbers are masked in messages, fields and errors unless told not to', () => {
    const captured = captureLog();
    captured.log.info('customer jean.dupont@example.fr called from 06 12 34 56 78', {
      contact: { email: 'jean.dupont@example.fr', phone: '+33 6 12 34 56 78' },
    });
    captured.log.error('ticket mail failed', new Error('550 no mailbox jean.dupont@example.fr'));
    const text = captured.raw.join('');
    expect(text).not.toMatch(/jean\.dupont|12 34 56/);
    expect(captured.lines()[0]).toMatchObject({
      msg: 'customer j***@e***.fr called from ** ** ** ** 78',
      contact: { email: 'j***@e***.fr', phone: '+** * ** ** ** 78' },
    });

    const shown = captureLog('info', false);
    shown.log.info('customer jean.dupont@example.fr');
    expect(shown.lines()[0]?.['msg']).toBe('customer jean.dupont@example.fr');
  });
});

describe('secrets never reach the log', () => {
  const secrets = {
    appPassword: 'bot-framework-app-password-Zq81',
    tokenSecret: 'token-secret-token-secret-token-secret-99',
    identitySecret: 'identity-secret-identity-secret-identity-77',
    smtpPass: 'smtp-app-password-Kx42',
    redisPassword: 'redis-password-Hh31',
    metricsToken: 'metrics-token-metrics-token-55',
  };

  test('config and SMTP settings, accepted or refused, logged whole', () => {
    const captured = captureLog();
    const env = {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: secrets.appPassword,
      TOKEN_SECRET: secrets.tokenSecret,
      IDENTITY_SECRET: secrets.identitySecret,
      REDIS_URL: `redis://:${secrets.redisPassword}@127.0.0.1:6379`,
      METRICS_TOKEN: secrets.metricsToken,
      SUPERVISOR_TOKEN,
    };
    const config = loadConfig(env);
    captured.log.info('configuration', { config, env });
    try {
      loadConfig({ ...env, PORT: 'eighty' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      captured.log.error('configuration rejected', error);
    }
    const smtpEnv = {
      SMTP_HOST: 'smtp.example.fr',
      SMTP_PORT: '587',
      SMTP_USER: 'relais',
      SMTP_PASS: secrets.smtpPass,
      SMTP_FROM: 'support@example.fr',
    };
    captured.log.info('smtp', { smtp: smtpConfigFromEnv(smtpEnv) });
    try {
      smtpConfigFromEnv({ ...smtpEnv, SMTP_PORT: '0' });
    } catch (error) {
      captured.log.error('smtp rejected', error);
    }
    captured.log.error(
      'redis down',
      new Error(`cannot connect to redis://:${secrets.redisPassword}@10.0.0.1:6379`),
    );
    captured.log.info('request', { headers: { authorization: `Bearer ${secrets.metricsToken}` } });
    captured.log.info(`client sent Authorization: Bearer ${secrets.tokenSecret}`);

    const text = captured.raw.join('');
    expect(captured.raw.length).toBe(7);
    for (const secret of [...Object.values(secrets), SUPERVISOR_TOKEN]) expect(text).not.toContain(secret);
    expect(text).toContain('[Redacted]');
  });

  test('agent login (right and wrong password), Direct Line tokens, handoff, claim and reports over HTTP', async () => {
    const captured = captureLog('trace');
    const running = await startHostileApp({ log: captured.log });
    try {
      const { url } = running;
      const wrong = await postJson(`${url}/api/agent/login`, {
        agentId: 'alice',
        password: 'not-her-password-1',
      });
      expect(wrong.status).toBe(401);
      const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
      expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
      const token = (await postJson(`${url}/api/directline/token`, {})).json as { token: string };
      const customer = await Customer.start(url);
      await customer.say(url, 'je veux parler à un conseiller');
      expect((await alice.post('/claim-next')).status).toBe(200);
      await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bonjour, Alice.' });
      const report = await fetch(`${url}/api/reports/summary`, {
        headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
      });
      expect(report.status).toBe(200);

      const lines = captured.lines();
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'handoff requested', conversationId: customer.conversationId }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'conversation claimed',
          conversationId: customer.conversationId,
          agentId: 'alice',
        }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({ msg: 'http request', route: '/api/agent/login', status: 401 }),
      );
      const text = captured.raw.join('');
      for (const secret of [
        PASSWORDS.alice,
        'not-her-password-1',
        SUPERVISOR_TOKEN,
        token.token,
        alice.token,
        SECRET,
      ])
        expect(text).not.toContain(secret);
    } finally {
      await running.close();
    }
  });
});
