import { ConfigError, loadConfig } from '../../../bot/config';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.issues.map((i) => i.variable) : ['(not a ConfigError)'];
  }
};

describe('PUBLIC_URL and the reopen link settings', () => {
  it('defaults to this machine and the port, 7 days, no secret (one per process)', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.reopenLink).toEqual({ ttlDays: 7 });
  });

  it('takes an http(s) URL with a path, without its trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://aide.example.fr/support/' }).publicUrl).toBe(
      'https://aide.example.fr/support',
    );
    expect(loadConfig({ REOPEN_LINK_SECRET: 's'.repeat(32), REOPEN_LINK_TTL_DAYS: '14' }).reopenLink).toEqual(
      { secret: 's'.repeat(32), ttlDays: 14 },
    );
  });

  it.each([
    ['PUBLIC_URL', 'aide.example.fr'],
    ['PUBLIC_URL', 'ftp://aide.example.fr'],
    ['PUBLIC_URL', 'https://aide.example.fr/?x=1'],
    ['PUBLIC_URL', 'https://aide.example.fr/#chat'],
    ['PUBLIC_URL', 'https://user:pw@aide.example.fr'],
    ['REOPEN_LINK_SECRET', 'too-short'],
    ['REOPEN_LINK_TTL_DAYS', '0'],
    ['REOPEN_LINK_TTL_DAYS', 'two'],
  ])('refuses %s=%j, naming it', (variable, value) => {
    expect(problems({ [variable]: value })).toEqual([variable]);
  });

  it('requires REOPEN_LINK_SECRET in production', () => {
    const production = {
      NODE_ENV: 'production',
      BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
      METRICS_TOKEN: 'metrics-token-0123456789',
    };
    expect(problems(production)).toEqual(['REOPEN_LINK_SECRET']);
    expect(problems({ ...production, REOPEN_LINK_SECRET: 'r'.repeat(32) })).toEqual([]);
  });
});
