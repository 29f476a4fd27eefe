import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { silentLog } from '../../../bot/log';
import { CHANNEL_SEND_POLICY } from '../../../bot/channels/channel-send-policy';
import { pipelineOf, withChannelSendBudget } from '../../../bot/channels/connector-clients';

/*
 * The botbuilder internals the timeout relies on (botframework-connector 4.23): a connector
 * client's private `client.pipeline`, with the default retry policy in its Retry phase. If an
 * upgrade moves them, this fails before any customer waits on a hanging connector.
 */
test('every connector client (proactive factory, and the one of an incoming request) carries the channel send policy, not the default retry', async () => {
  const auth = withChannelSendBudget(
    new ConfigurationBotFrameworkAuthentication({}),
    { timeoutMs: 1000, retries: 2 },
    { retried: () => undefined, failed: () => undefined },
    silentLog,
  );
  const identity = await auth.authenticateRequest(
    { type: 'message', serviceUrl: 'http://127.0.0.1:1' } as never,
    '',
  );
  const clients = [
    await auth
      .createConnectorFactory(identity.claimsIdentity)
      .create('http://127.0.0.1:1', identity.audience),
    await identity.connectorFactory!.create('http://127.0.0.1:1', identity.audience),
  ];
  for (const client of clients) {
    const names = pipelineOf(client)!
      .getOrderedPolicies()
      .map((p) => p.name);
    expect(names).toContain(CHANNEL_SEND_POLICY);
    expect(names).not.toContain('defaultRetryPolicy');
  }
});
