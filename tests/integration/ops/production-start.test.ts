import { RelaisProcess } from '../../support/relais-process';

test('NODE_ENV=production without METRICS_TOKEN: npm start refuses to start, naming the variable', async () => {
  await expect(
    RelaisProcess.start({
      NODE_ENV: 'production',
      REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
      BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
    }),
  ).rejects.toThrow(/METRICS_TOKEN: is required with NODE_ENV=production/);
});

test('NODE_ENV=production with METRICS_TOKEN: /metrics needs it', async () => {
  const relais = await RelaisProcess.start({
    NODE_ENV: 'production',
    REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
    METRICS_TOKEN: 'metrics-token-for-production-test',
    // The Bot Framework endpoint's own production rule is tested in anonymous-channel-start.
    BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
    KB_FILES: 'knowledge-base/demo/fr.yaml',
  });
  try {
    expect((await fetch(`${relais.url}/metrics`)).status).toBe(401);
    const allowed = await fetch(`${relais.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-token-for-production-test' },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('relais_');
  } finally {
    await relais.stop();
  }
});
