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
  const budgetedFactory = (factory: ConnectorFactory): ConnectorFactory => ({
    create: async (...args) => budgeted(await factory.create(...args)),
  });
  // Two ways botbuilder gets a factory: createConnectorFactory (proactive sends) and the
  // `connectorFactory` of an authenticated request (replies within a customer's turn).
  return new Proxy(auth, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (property === 'createConnectorFactory')
        return (...args: unknown[]) => budgetedFactory(method(...args) as ConnectorFactory);
      if (!property.startsWith('authenticate')) return method;
      return async (...args: unknown[]) => {
        const result = await method(...args);
        const factory = (result as { connectorFactory?: ConnectorFactory } | undefined)?.connectorFactory;
        return factory ? { ...(result as object), connectorFactory: budgetedFactory(factory) } : result;
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
