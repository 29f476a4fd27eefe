import { buildTestFaq } from '../../support/test-faq';
import { postJson, startApp } from './app';
import { startReportsApp } from './reports-app';

// The web chat page starts a new conversation at the visitor's next visit once the server says the
// conversation is over: an endOfConversation activity, after the survey or after a close without one.

interface Activity {
  type: string;
  text?: string;
  from: { role?: string };
}

async function conversationAt(url: string) {
  const dl = (path: string) => `${url}/v3/directline${path}`;
  const issued = (await postJson(`${url}/api/directline/token`, { locale: 'fr-FR' })).json as {
    token: string;
  };
  const started = await postJson(
    dl('/conversations'),
    { locale: 'fr-FR' },
    {
      authorization: `Bearer ${issued.token}`,
    },
  );
  const { conversationId, token } = started.json as { conversationId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  let n = 0;
  return {
    async say(text: string): Promise<void> {
      const res = await postJson(
        dl(`/conversations/${conversationId}/activities`),
        {
          type: 'message',
          text,
          from: { id: 'x', role: 'user' },
          channelData: { clientActivityID: `c${n++}` },
        },
        auth,
      );
      expect(res.status).toBe(200);
    },
    async log(): Promise<Activity[]> {
      const res = await fetch(dl(`/conversations/${conversationId}/activities`), { headers: auth });
      return ((await res.json()) as { activities: Activity[] }).activities;
    },
  };
}

const ends = (log: Activity[]) => log.filter((a) => a.type === 'endOfConversation').length;

test('resolved with no survey: the thanks, then endOfConversation, once', async () => {
  const running = await startApp(buildTestFaq());
  try {
    const chat = await conversationAt(running.url);
    await chat.say('comment payer');
    expect(ends(await chat.log())).toBe(0);
    await chat.say('Oui');
    const log = await chat.log();
    expect(ends(log)).toBe(1);
    expect(log.at(-1)?.type).toBe('endOfConversation');
    expect(log.at(-2)?.text).toContain('ravi d’avoir pu vous aider');
  } finally {
    await running.app.close();
  }
});

test('with the survey: not over while it is asked, over once it is answered', async () => {
  const running = await startReportsApp();
  try {
    const chat = await conversationAt(running.url);
    await chat.say('comment payer');
    await chat.say('Oui');
    // The CES question: a reload now must keep the conversation.
    expect(ends(await chat.log())).toBe(0);
    let log = await chat.log();
    for (let reply = 0; reply < 4 && ends(log) === 0; reply++) {
      await chat.say(reply === 0 ? '1' : 'rien à ajouter');
      log = await chat.log();
    }
    expect(ends(log)).toBe(1);
    expect(log.at(-1)?.type).toBe('endOfConversation');
  } finally {
    await running.app.close();
  }
});
