import { MemorySurveyStore } from '../../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';

let running: AgentApp;
let url: string;
const surveys = new MemorySurveyStore();
const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';
/** Moved by the test: the customer waits 95 s in the queue before Alice claims. */
let nowMs = OPEN_TIME.getTime();

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => new Date(nowMs),
    env: { SUPERVISOR_TOKEN },
    surveys,
  });
  ({ url } = running);
});

afterAll(() => running?.close());

test('an agent resolves through the agent API: the customer gets the survey, with CSAT, and it is recorded as escalated', async () => {
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  const customer = await Customer.start(url);
  await customer.say(url, 'comment payer');
  await customer.say(url, 'Non');
  nowMs += 95_000;
  // Her console's heartbeats stopped while the test clock jumped: she says she is online again.
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
  expect(
    (
      await alice.post(`/conversations/${customer.conversationId}/resolve`, {
        reason: 'moyens de paiement expliqués',
      })
    ).status,
  ).toBe(200);

  const afterResolve = await customer.texts(url);
  expect(afterResolve.slice(-2)).toEqual([
    // The agent's closing words (the agent's message), not the bot's "ravi d'avoir pu vous aider".
    'Je clôture notre échange : votre demande est traitée. Merci de nous avoir contactés et bonne journée !',
    "À quel point était-ce facile d'obtenir une résolution à votre problème ?",
  ]);
  const seen = afterResolve.length;
  for (const reply of ['2', 'oui', '5', 'passer']) await customer.say(url, reply);
  expect(await customer.textsAfter(url, seen)).toEqual([
    '2',
    'Avons-nous répondu à votre question ?',
    'oui',
    'Êtes-vous satisfait du service Client ?',
    '5',
    expect.stringMatching(/^Avez-vous des commentaires/),
    'passer',
    'Merci pour votre retour ! Bonne journée.',
  ]);
  expect(await surveys.get(customer.conversationId)).toMatchObject({
    ces: 2,
    answered: true,
    csat: 5,
    context: {
      path: 'escalated',
      escalationReason: 'answer-refused',
      kbEntryIds: ['payment-methods'],
      missedQuestions: ['comment payer'],
      agentId: 'alice',
      waitMs: 95_000,
    },
  });

  const day = new Date(nowMs).toISOString().slice(0, 10);
  const res = await fetch(`${url}/api/reports/summary?from=${day}&to=${day}`, {
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  const { report } = (await res.json()) as { report: Record<string, unknown> };
  expect(report.cesByAgent).toEqual({ alice: expect.objectContaining({ count: 1, value: 2 }) });
  expect(report.waitTime).toMatchObject({ p50: 95_000, p90: 95_000, p99: 95_000 });
});
