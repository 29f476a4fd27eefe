import { defaultDisplayName, loadAgentAccounts } from '../../../bot/agent/accounts';
import { hashPassword } from '../../../bot/agent/credentials';
import { ConfigError } from '../../../bot/config';

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a-password-1');
});

const load = (account: Record<string, unknown>) =>
  loadAgentAccounts({ agentsJson: JSON.stringify([{ languages: ['fr'], passwordHash: hash, ...account }]) });

function problem(account: Record<string, unknown>): string {
  try {
    load(account);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

test('displayName: as configured (trimmed), else the first word of the name', () => {
  expect(load({ id: 'a', name: 'Alice Martin', displayName: '  Camille ' })[0]?.displayName).toBe('Camille');
  expect(load({ id: 'a', name: 'Alice Martin' })[0]?.displayName).toBe('Alice');
  expect(load({ id: 'a', name: 'Jean-Luc  Picard' })[0]?.displayName).toBe('Jean-Luc');
  expect(defaultDisplayName('<b>x</b>')).toBe('Conseiller');
});

test('displayName: markup, emptiness and length are refused, naming the variable and the field', () => {
  expect(problem({ id: 'a', name: 'A', displayName: '<img src=x>' })).toMatch(
    /AGENTS: 0\.displayName: letters, spaces and simple punctuation only/,
  );
  expect(problem({ id: 'a', name: 'A', displayName: '**Camille**' })).toMatch(/0\.displayName/);
  expect(problem({ id: 'a', name: 'A', displayName: '   ' })).toMatch(/0\.displayName/);
  expect(problem({ id: 'a', name: 'A', displayName: 'x'.repeat(41) })).toMatch(/0\.displayName/);
  expect(problem({ id: 'a', name: 'A', displayName: 42 })).toMatch(/0\.displayName/);
});
