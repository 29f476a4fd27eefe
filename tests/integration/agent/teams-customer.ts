import { postJson } from '../bot/app';

/**
 * A customer writing on a Bot Framework channel (Teams here) to the app's /api/messages, its
 * replies going to `serviceUrl` (a fake connector). Returns `say`, numbering the activities.
 */
export function teamsCustomer(
  appUrl: string,
  serviceUrl: string,
  conversationId: string,
): (text: string) => ReturnType<typeof postJson> {
  let n = 0;
  return (text) =>
    postJson(`${appUrl}/api/messages`, {
      type: 'message',
      id: `act-${conversationId}-${++n}`,
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId },
      from: { id: 'user-1', name: 'Client' },
      recipient: { id: 'relais', name: 'Relais' },
      locale: 'fr-FR',
      text,
    });
}
