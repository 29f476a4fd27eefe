import { ConfigError, DEFAULT_KB_FILES, loadConfig } from '../../../bot/config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.variable);
    throw e;
  }
  return [];
}

describe('config', () => {
  test('defaults: port 3978, demo KB, French, anonymous Bot Framework, Paris support hours', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.kbFiles).toEqual([...DEFAULT_KB_FILES]);
    expect(config.defaultLocale).toBe('fr');
    expect(config.microsoftApp).toEqual({ appType: 'MultiTenant' });
    expect(config.redis).toBeUndefined();
    expect(config.answerPolicy).toEqual({ maxWrongAnswersPct: 4, minOutOfScopeRecallPct: 70 });
    expect(config.supportHours).toEqual({
      timeZone: 'Europe/Paris',
      days: [1, 2, 3, 4, 5, 6],
      openHour: 8,
      closeHour: 21,
    });
  });

  test('values are read and converted', () => {
    const config = loadConfig({
      PORT: '8080',
      KB_FILES: 'a.yaml, b.yaml',
      DEFAULT_LOCALE: 'en-GB',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      REDIS_URL: 'redis://localhost:6379',
      MATCHER_MAX_WRONG_PCT: '10',
      MATCHER_MIN_OOS_RECALL_PCT: '80%',
    });
    expect(config.port).toBe(8080);
    expect(config.answerPolicy).toEqual({ maxWrongAnswersPct: 10, minOutOfScopeRecallPct: 80 });
    expect(config.kbFiles).toEqual(['a.yaml', 'b.yaml']);
    expect(config.defaultLocale).toBe('en');
    expect(config.microsoftApp).toEqual({ appId: 'id', appPassword: 'pw', appType: 'MultiTenant' });
    expect(config.redis).toEqual({
      shape: { kind: 'standalone', url: 'redis://localhost:6379' },
      durability: { waitReplicas: 0, waitTimeoutMs: 500 },
    });
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ TOKEN_SECRET: 'short' }, 'TOKEN_SECRET'],
    [{ SUPPORT_TIMEZONE: 'Mars/Olympus' }, 'SUPPORT_TIMEZONE'],
    [{ SUPPORT_DAYS: 'mon-sat' }, 'SUPPORT_DAYS'],
    [{ SUPPORT_OPEN_HOUR: '22', SUPPORT_CLOSE_HOUR: '8' }, 'SUPPORT_CLOSE_HOUR'],
    [{ MicrosoftAppType: 'Global' }, 'MicrosoftAppType'],
    [{ MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ KB_FILES: ' , ' }, 'KB_FILES'],
    [{ MATCHER_MAX_WRONG_PCT: 'ten' }, 'MATCHER_MAX_WRONG_PCT'],
    [{ MATCHER_MAX_WRONG_PCT: '60' }, 'MATCHER_MAX_WRONG_PCT'],
    [{ MATCHER_MIN_OOS_RECALL_PCT: '-5' }, 'MATCHER_MIN_OOS_RECALL_PCT'],
    [{ DEFLECTION_QUIET_MIN: '0' }, 'DEFLECTION_QUIET_MIN'],
    [{ DEFLECTION_QUIET_MIN: 'half an hour' }, 'DEFLECTION_QUIET_MIN'],
  ])('%j is refused naming %s', (env, variable) => {
    expect(problems(env)).toEqual([variable]);
  });

  test('DEFLECTION_QUIET_MIN: 30 minutes by default, or the minutes given', () => {
    expect(loadConfig({}).deflectionQuietMinutes).toBe(30);
    expect(loadConfig({ DEFLECTION_QUIET_MIN: '45' }).deflectionQuietMinutes).toBe(45);
  });

  test('the error message names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'x', DEFAULT_LOCALE: 'de' })).toThrow(
      /PORT: must be a whole number[\s\S]*DEFAULT_LOCALE: must be fr or en/,
    );
  });

  describe('the Bot Framework endpoint in production', () => {
    test('NODE_ENV=production without MicrosoftAppId refuses to start, naming the variable and the opt-in', () => {
      expect(
        problems({
          NODE_ENV: 'production',
          REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
          METRICS_TOKEN: 'metrics-token-0123456789',
        }),
      ).toEqual(['MicrosoftAppId']);
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
          METRICS_TOKEN: 'metrics-token-0123456789',
        }),
      ).toThrow(
        /MicrosoftAppId: is required with NODE_ENV=production[\s\S]*BOT_ALLOW_ANONYMOUS_CHANNEL=true/,
      );
      expect(
        problems({
          NODE_ENV: 'production',
          REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
          METRICS_TOKEN: 'metrics-token-0123456789',
          BOT_ALLOW_ANONYMOUS_CHANNEL: 'false',
        }),
      ).toEqual(['MicrosoftAppId']);
    });

    test('with credentials, or with the explicit opt-in, it starts', () => {
      expect(
        loadConfig({
          NODE_ENV: 'production',
          REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
          METRICS_TOKEN: 'metrics-token-0123456789',
          MicrosoftAppId: 'id',
        }).botChannel,
      ).toEqual({
        anonymous: false,
        anonymousOptIn: false,
        serviceUrlAllowlist: [],
      });
      const optedIn = loadConfig({
        NODE_ENV: 'production',
        REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
        METRICS_TOKEN: 'metrics-token-0123456789',
        BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
      });
      expect(optedIn.production).toBe(true);
      expect(optedIn.botChannel).toMatchObject({ anonymous: true, anonymousOptIn: true });
    });

    test('development stays anonymous without asking', () => {
      expect(loadConfig({}).botChannel).toEqual({
        anonymous: true,
        anonymousOptIn: false,
        serviceUrlAllowlist: [],
      });
      expect(loadConfig({}).production).toBe(false);
    });

    test('BOT_SERVICE_URL_ALLOWLIST holds origins, written as URL.origin', () => {
      expect(
        loadConfig({
          BOT_SERVICE_URL_ALLOWLIST: 'https://Connector.Example:443, http://10.0.0.5:8080,https://a.example/',
        }).botChannel.serviceUrlAllowlist,
      ).toEqual(['https://connector.example', 'http://10.0.0.5:8080', 'https://a.example']);
    });

    test.each([
      'connector.example',
      'ftp://connector.example',
      'https://connector.example/v3',
      'https://user@connector.example',
      'https://connector.example?x=1',
    ])('BOT_SERVICE_URL_ALLOWLIST=%s is refused', (entry) => {
      expect(problems({ BOT_SERVICE_URL_ALLOWLIST: entry })).toEqual(['BOT_SERVICE_URL_ALLOWLIST']);
    });

    test('BOT_ALLOW_ANONYMOUS_CHANNEL takes true or false only', () => {
      expect(problems({ BOT_ALLOW_ANONYMOUS_CHANNEL: 'yes please' })).toEqual([
        'BOT_ALLOW_ANONYMOUS_CHANNEL',
      ]);
    });
  });

  test('production: METRICS_TOKEN is required (the message names it); with it, /metrics has its token', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
        BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
      }),
    ).toThrow(/METRICS_TOKEN: is required with NODE_ENV=production/);
    expect(
      problems({
        NODE_ENV: 'production',
        REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
        BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
      }),
    ).toEqual(['METRICS_TOKEN']);
    const config = loadConfig({
      NODE_ENV: 'production',
      REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
      METRICS_TOKEN: 'a-metrics-token-0123',
      BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
    });
    expect(config).toMatchObject({ production: true, metricsToken: 'a-metrics-token-0123' });
    expect(loadConfig({}).metricsToken).toBeUndefined();
  });

  test('the test fault hook is refused in production; unknown hooks are refused everywhere', () => {
    expect(loadConfig({ RELAIS_FAULT_HOOK: 'die-after-store' }).faultHook).toBe('die-after-store');
    expect(
      problems({
        NODE_ENV: 'production',
        REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
        METRICS_TOKEN: 'a-metrics-token-0123',
        BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
        RELAIS_FAULT_HOOK: 'die-after-store',
      }),
    ).toEqual(['RELAIS_FAULT_HOOK']);
    expect(problems({ RELAIS_FAULT_HOOK: 'explode' })).toEqual(['RELAIS_FAULT_HOOK']);
  });

  test('WIDGET_ORIGINS: comma-separated origins, none by default; a path or another scheme is refused', () => {
    expect(loadConfig({}).widgetOrigins).toEqual([]);
    expect(
      loadConfig({ WIDGET_ORIGINS: 'https://www.example.fr, http://localhost:8080/' }).widgetOrigins,
    ).toEqual(['https://www.example.fr', 'http://localhost:8080']);
    for (const bad of [
      'https://www.example.fr/page',
      'javascript:alert(1)',
      '*',
      "https://a.fr 'unsafe-inline'",
    ])
      expect(problems({ WIDGET_ORIGINS: bad })).toEqual(['WIDGET_ORIGINS']);
  });

  test('TURN_LEASE_MS: 15 s by default, 200 ms … 10 min', () => {
    expect(loadConfig({}).turnLeaseMs).toBe(15_000);
    expect(loadConfig({ TURN_LEASE_MS: '1000' }).turnLeaseMs).toBe(1000);
    expect(problems({ TURN_LEASE_MS: '50' })).toEqual(['TURN_LEASE_MS']);
  });

  test('CHANNEL_SEND_TIMEOUT_MS and CHANNEL_SEND_RETRIES: 5 s and 2 by default, whole numbers in range', () => {
    expect(loadConfig({}).channelSend).toEqual({ timeoutMs: 5000, retries: 2 });
    expect(loadConfig({ CHANNEL_SEND_TIMEOUT_MS: '1500', CHANNEL_SEND_RETRIES: '0' }).channelSend).toEqual({
      timeoutMs: 1500,
      retries: 0,
    });
    for (const bad of ['0', '99', '2.5', 'soon', '120001'])
      expect(problems({ CHANNEL_SEND_TIMEOUT_MS: bad })).toEqual(['CHANNEL_SEND_TIMEOUT_MS']);
    for (const bad of ['-1', '11', 'many'])
      expect(problems({ CHANNEL_SEND_RETRIES: bad })).toEqual(['CHANNEL_SEND_RETRIES']);
  });

  test('TICKET_QUIET_HOURS: 48 by default, whole hours from 1 to 90 days', () => {
    expect(loadConfig({}).ticketQuietHours).toBe(48);
    expect(loadConfig({ TICKET_QUIET_HOURS: '72' }).ticketQuietHours).toBe(72);
    for (const bad of ['0', '1.5', 'soon', '2161'])
      expect(problems({ TICKET_QUIET_HOURS: bad })).toEqual(['TICKET_QUIET_HOURS']);
  });

  test('AGENT_ANSWER_TIMEOUT_MIN: 10 by default, 0 turns it off, whole minutes up to a day', () => {
    expect(loadConfig({}).agentAnswerTimeoutMinutes).toBe(10);
    expect(loadConfig({ AGENT_ANSWER_TIMEOUT_MIN: '0' }).agentAnswerTimeoutMinutes).toBe(0);
    expect(loadConfig({ AGENT_ANSWER_TIMEOUT_MIN: '25' }).agentAnswerTimeoutMinutes).toBe(25);
    for (const bad of ['-1', '2.5', 'never', '1441'])
      expect(problems({ AGENT_ANSWER_TIMEOUT_MIN: bad })).toEqual(['AGENT_ANSWER_TIMEOUT_MIN']);
  });
});
