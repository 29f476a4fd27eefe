import { loadAgentAccounts } from '../../../bot/agent/accounts';
import { hashPassword, verifyPassword } from '../../../bot/agent/credentials';
import { AgentSessions } from '../../../bot/agent/session';
import { ConfigError } from '../../../bot/config';

test('scrypt hashes: salted, verified in constant time, malformed ones never match', async () => {
  const hash = await hashPassword('correct horse');
  expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await hashPassword('correct horse')).not.toBe(hash);
  expect(await verifyPassword('correct horse', hash)).toBe(true);
  expect(await verifyPassword('correct horsE', hash)).toBe(false);
  expect(await verifyPassword('correct horse', 'correct horse')).toBe(false);
  expect(await verifyPassword('x', 'scrypt$16384$8$1$$')).toBe(false);
});

test('AGENTS refuses a plain password and names the variable and the field', async () => {
  const plain = JSON.stringify([{ id: 'alice', name: 'Alice', languages: ['fr'], passwordHash: 'hunter22' }]);
  expect(() => loadAgentAccounts({ agentsJson: plain })).toThrow(ConfigError);
  expect(() => loadAgentAccounts({ agentsJson: plain })).toThrow(/AGENTS.*0\.passwordHash/s);
  const withPassword = JSON.stringify([{ id: 'a', name: 'A', languages: ['fr'], password: 'x' }]);
  expect(() => loadAgentAccounts({ agentsJson: withPassword })).toThrow(/AGENTS/);
  expect(() => loadAgentAccounts({ agentsFile: '/nonexistent/agents.json' })).toThrow(/AGENTS_FILE/);
  expect(loadAgentAccounts({})).toEqual([]);
  const hash = await hashPassword('password-1');
  expect(
    loadAgentAccounts({
      agentsJson: JSON.stringify([{ id: 'a', name: 'A', languages: ['fr'], passwordHash: hash }]),
    }),
  ).toEqual([
    { id: 'a', name: 'A', displayName: 'A', languages: ['fr'], skills: [], capacity: 3, passwordHash: hash },
  ]);
});

test('sessions: signed, bound to the secret, expire', () => {
  let now = new Date('2026-03-11T09:00:00Z');
  const sessions = new AgentSessions('s'.repeat(32), 600, () => now);
  const { token } = sessions.issue('alice');
  expect(sessions.verify(token)).toEqual({ ok: true, agentId: 'alice' });
  expect(new AgentSessions('t'.repeat(32), 600, () => now).verify(token).ok).toBe(false);
  expect(sessions.verify(`${token}x`).ok).toBe(false);
  now = new Date(now.getTime() + 601_000);
  expect(sessions.verify(token)).toEqual({ ok: false, message: 'session expired: log in again' });
});
