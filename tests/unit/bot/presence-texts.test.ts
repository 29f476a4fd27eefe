import { textFor } from '../../../bot/text';

test('presence notices in French', () => {
  const fr = textFor('fr');
  expect(fr.agentJoined('Camille')).toBe('Camille du service Client a rejoint la conversation.');
  expect(fr.agentTookOver('Bruno')).toBe('Bruno du service Client a pris le relais.');
  expect(fr.agentLeft('Camille')).toBe(
    'Camille a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.',
  );
  expect(fr.agentLeft(undefined)).toMatch(/^Le conseiller a quitté la conversation\./);
  expect(fr.agentHandedBack('Camille')).toBe('Camille vous a repassé à l’assistant.');
  expect(fr.handedBack).toMatch(/assistant virtuel \(un robot\)/);
  // French typography: a no-break space before the colon.
  expect(fr.agentSays('Camille', 'Bonjour')).toBe('Camille\u00a0: Bonjour');
});

test('presence notices in English', () => {
  const en = textFor('en');
  expect(en.agentJoined('Emma')).toBe('Emma from Customer Service joined the conversation.');
  expect(en.agentTookOver('Emma')).toBe('Emma from Customer Service took over.');
  expect(en.agentLeft(undefined)).toMatch(/^The agent left the conversation\. You are back in the queue/);
  expect(en.agentHandedBack('Emma')).toBe('Emma handed you back to the assistant.');
  expect(en.handedBack).toMatch(/virtual assistant \(a bot\)/);
  expect(en.agentSays('Emma', 'Hello')).toBe('Emma: Hello');
});
