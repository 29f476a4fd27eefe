import { ConfigError, loadConfig } from '../../../bot/config';
import { withDemoSupervisor } from '../../../bot/reports/demo-supervisor';
import { sha256Hex } from '../../../bot/reports/supervisor-config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.variable}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('supervisor configuration', () => {
  test('unset: reports are off', () => {
    expect(loadConfig({}).supervisor).toBeUndefined();
  });

  test('SUPERVISOR_TOKEN is kept only as its SHA-256; SUPERVISOR_TOKEN_SHA256 is taken as is', () => {
    const token = 'a-long-enough-supervisor-token';
    expect(loadConfig({ SUPERVISOR_TOKEN: token }).supervisor).toEqual({ tokenSha256: sha256Hex(token) });
    const hash = sha256Hex(token).toUpperCase();
    expect(loadConfig({ SUPERVISOR_TOKEN_SHA256: hash }).supervisor).toEqual({
      tokenSha256: sha256Hex(token),
    });
  });

  test.each([
    [{ SUPERVISOR_TOKEN: 'short' }, 'SUPERVISOR_TOKEN: must be at least 16 characters'],
    [
      { SUPERVISOR_TOKEN_SHA256: 'abc' },
      'SUPERVISOR_TOKEN_SHA256: must be 64 hexadecimal characters (SHA-256)',
    ],
    [
      { SUPERVISOR_TOKEN: 'a-long-enough-supervisor-token', SUPERVISOR_TOKEN_SHA256: sha256Hex('x') },
      'SUPERVISOR_TOKEN_SHA256: set SUPERVISOR_TOKEN or its hash, not both',
    ],
  ])('%j is refused', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  test('npm start outside production makes a demo token; production and a configured token do not', () => {
    const demo = withDemoSupervisor(loadConfig({}), {});
    expect(demo.demoToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(demo.config.supervisor).toEqual({ tokenSha256: sha256Hex(demo.demoToken ?? '') });
    expect(withDemoSupervisor(loadConfig({}), { NODE_ENV: 'production' })).toEqual({
      config: loadConfig({}),
    });
    const configured = loadConfig({ SUPERVISOR_TOKEN: 'a-long-enough-supervisor-token' });
    expect(withDemoSupervisor(configured, {}).demoToken).toBeUndefined();
  });
});
