import { ConfigError, loadConfig } from '../../../bot/config';

describe('KB_READ_ONLY', () => {
  test('off by default; true/1 turn it on, false/0 off', () => {
    expect(loadConfig({}).kbReadOnly).toBe(false);
    expect(loadConfig({ KB_READ_ONLY: 'true' }).kbReadOnly).toBe(true);
    expect(loadConfig({ KB_READ_ONLY: '1' }).kbReadOnly).toBe(true);
    expect(loadConfig({ KB_READ_ONLY: 'false' }).kbReadOnly).toBe(false);
    expect(loadConfig({ KB_READ_ONLY: '0' }).kbReadOnly).toBe(false);
  });

  test('another value is refused naming the variable', () => {
    expect(() => loadConfig({ KB_READ_ONLY: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ KB_READ_ONLY: 'yes please' })).toThrow(/KB_READ_ONLY: must be true or false/);
  });
});
