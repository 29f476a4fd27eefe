import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent } from './clients';

let running: AgentApp;
let alice: Agent;

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
  alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
});
afterAll(async () => {
  await running?.close();
});

const ids = async (query: string): Promise<string[]> => {
  const res = await alice.get(`/canned?${query}`);
  expect(res.status).toBe(200);
  return (res.json as { answers: { id: string }[] }).answers.map((a) => a.id);
};

test('KB answers of the conversation’s language, searched over the question text, accents folded', async () => {
  const found = await alice.get('/canned?language=fr&q=facture');
  expect(found.json).toEqual({
    answers: [
      {
        id: 'invoices',
        question: 'Où trouver mes factures ?',
        answer: 'Dans « Mon compte », rubrique « Factures ».',
      },
      {
        id: 'invoices-company',
        question: 'Puis-je avoir une facture au nom de mon entreprise ?',
        answer: 'Oui, ajoutez la raison sociale dans « Mon compte ».',
      },
    ],
  });
  expect(await ids('language=fr&q=REserver')).toEqual(['booking-how']);
  // Every word must be there; phrasings count.
  expect(await ids('language=fr&q=facture%20entreprise')).toEqual(['invoices-company']);
  expect(await ids('language=fr&q=carte%20bancaire')).toEqual(['payment-methods']);
  expect(await ids('language=en&q=invoice')).toEqual(['invoices', 'invoices-company']);
  expect(await ids('language=fr&q=zzz')).toEqual([]);
  expect(await ids('language=fr')).toHaveLength(6);
});

test('language is required and checked; the route needs a session', async () => {
  expect(await alice.get('/canned?q=facture')).toMatchObject({
    status: 400,
    json: { error: { message: expect.stringMatching(/^language:/) } },
  });
  expect((await alice.get('/canned?language=de')).status).toBe(400);
  expect((await alice.get(`/canned?language=fr&q=${'x'.repeat(201)}`)).status).toBe(400);
  expect((await fetch(`${running.url}/api/agent/canned?language=fr`)).status).toBe(401);
});
