import type { Pipeline } from '@azure/core-rest-pipeline';
import type { BotFrameworkAuthentication, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import type { Log } from '../log';
import type { ChannelSendBudget } from './channel-send-budget';
import { channelSendPolicy, type SendObserver } from './channel-send-policy';

/**
 * The same authentication whose connector clients (every reply, update, delete and proactive
 * send of CloudAdapter) run with Relais' timeout and retries instead of the pipeline's default
 * retry policy: that one has no timeout, waits whatever Retry-After says and retries posts after
 * a 500, which may deliver a message twice.
 */
export function withChannelSendBudget(
  auth: BotFrameworkAuthentication,
  budget: ChannelSendBudget,
  observer: SendObserver,
  log: Log,
): BotFrameworkAuthentication {
  const policy = channelSendPolicy(budget, observer);
  let warned = false;
  const budgeted = (client: ConnectorClient): ConnectorClient => {
    const pipeline = pipelineOf(client);
    if (!pipeline) {
      if (!warned) log.warn?.('connector client without a pipeline: channel sends have no timeout');
      warned = true;
      return client;
    }
    pipeline.removePolicy({ phase: 'Retry' });
    pipeline.addPolicy(policy, { phase: 'Retry' });
    return client;
  };
  return new Proxy(auth, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'createConnectorFactory' || typeof value !== 'function') return value;
      return (...args: unknown[]): ConnectorFactory => {
        const factory = (value as (...a: unknown[]) => ConnectorFactory).apply(target, args);
        return { create: async (...createArgs) => budgeted(await factory.create(...createArgs)) };
      };
    },
  });
}

/**
 * botframework-connector 4.23's ConnectorClient keeps an @azure/core-client ServiceClient in its
 * private `client` field (botbuilder-stdlib's ServiceClientContext); its pipeline is public there.
 * Read defensively: another botbuilder version may have none (a test checks this one has).
 */
export function pipelineOf(client: ConnectorClient): Pipeline | undefined {
  const inner = (client as unknown as { client?: { pipeline?: Partial<Pipeline> } }).client;
  const pipeline = inner?.pipeline;
  return typeof pipeline?.addPolicy === 'function' && typeof pipeline.removePolicy === 'function'
    ? (pipeline as Pipeline)
    : undefined;
}
