import { loadAgentAccounts } from '../../../bot/agent/accounts';
import { verifyPassword } from '../../../bot/agent/credentials';
import { withDemoAgent } from '../../../bot/agent/demo-agent';
import { loadConfig } from '../../../bot/config';

describe('demo agent for npm start', () => {
  it('makes one French/English agent whose printed password logs in, when none is configured', async () => {
    const { config, demoAgent } = await withDemoAgent(loadConfig({}), {});
    expect(demoAgent?.id).toBe('demo');
    const [account, ...others] = loadAgentAccounts(config);
    expect(others).toEqual([]);
    expect(account).toMatchObject({ id: 'demo', displayName: 'Camille', languages: ['fr', 'en'] });
    expect(await verifyPassword(demoAgent!.password, account!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', account!.passwordHash)).toBe(false);
  });

  it('never in production, and never over configured accounts', async () => {
    expect((await withDemoAgent(loadConfig({}), { NODE_ENV: 'production' })).demoAgent).toBeUndefined();
    const configured = loadConfig({ AGENTS: '[]' });
    const r = await withDemoAgent(configured, {});
    expect(r.demoAgent).toBeUndefined();
    expect(r.config).toBe(configured);
  });
});
