import { agentAccountSchema } from '../../../bot/agent/accounts';
import { mentionedAgents } from '../../../bot/agent/mentions';

const HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const accounts = [
  { id: 'alice', name: 'Alice Martin', languages: ['fr'], passwordHash: HASH },
  { id: 'bruno.l', name: 'Bruno Lefèvre', languages: ['fr'], passwordHash: HASH },
  { id: 'lea', name: 'Léa Roux', displayName: 'Léa', languages: ['fr'], passwordHash: HASH },
].map((a) => agentAccountSchema.parse(a));
const ids = (text: string): string[] => mentionedAgents(text, accounts).map((a) => a.id);

test('by id, by display name or by full name; accents and case ignored; each once, in account order', () => {
  expect(ids('@bruno.l tu regardes ?')).toEqual(['bruno.l']);
  expect(ids('vu avec @Bruno, puis @alice')).toEqual(['alice', 'bruno.l']);
  expect(ids('@LEA et @Léa Roux et @lea')).toEqual(['lea']);
  expect(ids('merci @Alice Martin.')).toEqual(['alice']);
});

test('no "@", an unknown name, a prefix of a name or an e-mail address mention nobody', () => {
  expect(ids('rien à signaler')).toEqual([]);
  expect(ids('@zoe @al @alicette')).toEqual([]);
  expect(ids('écrire à support@alice.fr')).toEqual([]);
});
