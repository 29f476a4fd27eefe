import { RelaisProcess } from '../../support/relais-process';

/*
 * Issue 14, item 1: `npm start` (node dist/bot/index.js) with NODE_ENV=production and no
 * MicrosoftAppId refuses to start unless BOT_ALLOW_ANONYMOUS_CHANNEL=true, which warns each start.
 */

// Each test starts real processes (KB load included): slow on a busy machine.
jest.setTimeout(180_000);

const PRODUCTION = {
  NODE_ENV: 'production',
  REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
  SUPERVISOR_TOKEN: 'supervisor-token-for-start-tests',
  METRICS_TOKEN: 'metrics-token-for-start-tests',
};

test('production without MicrosoftAppId: exits before listening, naming the variable and the opt-in', async () => {
  const started = RelaisProcess.start(PRODUCTION);
  await expect(started).rejects.toThrow(/exited with 1 before listening/);
  await expect(started).rejects.toThrow(/MicrosoftAppId: is required with NODE_ENV=production/);
  await expect(started).rejects.toThrow(/BOT_ALLOW_ANONYMOUS_CHANNEL=true/);
});

test('production with BOT_ALLOW_ANONYMOUS_CHANNEL=true: starts, and warns at each start', async () => {
  for (let start = 0; start < 2; start++) {
    const relais = await RelaisProcess.start({ ...PRODUCTION, BOT_ALLOW_ANONYMOUS_CHANNEL: 'true' });
    try {
      expect((await fetch(`${relais.url}/healthz`)).status).toBe(200);
      const warnings = relais.logLines().filter((l) => l.level === 'warn');
      expect(warnings).toEqual([
        expect.objectContaining({
          msg: expect.stringMatching(
            /BOT_ALLOW_ANONYMOUS_CHANNEL=true: \/api\/messages accepts activities from anyone/,
          ),
        }),
      ]);
    } finally {
      await relais.stop();
    }
  }
});

test('production with MicrosoftAppId: starts without the warning; development: an info line', async () => {
  const secured = await RelaisProcess.start({
    ...PRODUCTION,
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  });
  try {
    expect(secured.logLines().filter((l) => l.level === 'warn')).toEqual([]);
  } finally {
    await secured.stop();
  }
  const development = await RelaisProcess.start({});
  try {
    const lines = development.logLines();
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/^No MicrosoftAppId: Bot Framework requests are not authenticated/),
    );
  } finally {
    await development.stop();
  }
});
