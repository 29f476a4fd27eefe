import { writeFileSync } from 'node:fs';
import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent } from '../agent/clients';
import { call, KB_FR, startKbAdminApp, type KbAdminApp } from './kb-admin-app';

// Relais as `npm start` builds it: the bot reads its FAQ through the reloadable holder.
let kb: KbAdminApp;

beforeAll(async () => {
  kb = await startKbAdminApp({ env: { AGENTS: await agentsJson() } });
});
afterAll(() => kb?.close());

const cannedIds = async (agent: Agent, q: string): Promise<string[]> => {
  const res = await agent.get(`/canned?language=fr&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.json as { answers: { id: string }[] }).answers.map((a) => a.id);
};

test('canned answers list the KB in service, and the reloaded one after a reload', async () => {
  const alice = await Agent.login(kb.url, 'alice', PASSWORDS.alice);
  expect(await cannedIds(alice, 'factures')).toEqual(['invoices']);
  expect(await cannedIds(alice, 'chèque cadeau')).toEqual([]);

  writeFileSync(
    kb.kbFile,
    `${KB_FR}  - id: gift-cards
    question: "Proposez-vous des chèques cadeaux ?"
    alternates: ["offrir des heures de ménage", "carte cadeau ménage"]
    answer: "Oui, depuis la page Offrir."
`,
  );
  expect((await call(`${kb.url}/api/kb/reload`, 'POST')).status).toBe(200);
  expect(await cannedIds(alice, 'chèques cadeaux')).toEqual(['gift-cards']);
});
