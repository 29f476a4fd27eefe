import {
  ActivityTypes,
  CloudAdapter,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { parseBotFrameworkKey } from './conversation-key';
import type { ServiceUrlCheck } from './service-url-policy';

export class OutboundRefusedError extends Error {
  readonly code = 'RELAIS_OUTBOUND_REFUSED';
}

/** Activity types CloudAdapter handles without calling the connector. */
const LOCAL_TYPES: ReadonlySet<string> = new Set([
  'delay',
  ActivityTypes.InvokeResponse,
  ActivityTypes.Trace,
]);

/**
 * CloudAdapter for conversations keyed `bf:<channelId>:<id>` (bot/channels/conversation-key.ts):
 * what goes to the connector carries the channel's own conversation id again, and nothing is sent
 * for a key of another entry point or to a serviceUrl the policy refuses (a reference stored
 * before the policy, or written by hand).
 */
export class ChannelCloudAdapter extends CloudAdapter {
  constructor(
    auth: BotFrameworkAuthentication,
    private readonly serviceUrlAllowed: ServiceUrlCheck,
  ) {
    super(auth);
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    if (activities.some((a) => !LOCAL_TYPES.has(a.type ?? ''))) this.checkServiceUrl(context);
    return super.sendActivities(context, activities.map(toChannel));
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | void> {
    this.checkServiceUrl(context);
    return super.updateActivity(context, toChannel(activity));
  }

  override async deleteActivity(
    context: TurnContext,
    reference: Partial<ConversationReference>,
  ): Promise<void> {
    this.checkServiceUrl(context);
    return super.deleteActivity(context, toChannel(reference));
  }

  /** The connector client of the turn was made for the turn's serviceUrl: that is where calls go. */
  private checkServiceUrl(context: TurnContext): void {
    const serviceUrl = context.activity.serviceUrl ?? '';
    if (!this.serviceUrlAllowed(serviceUrl))
      throw new OutboundRefusedError(`serviceUrl not allowed: ${serviceUrl.slice(0, 100)}`);
  }
}

function toChannel<T extends { conversation?: Partial<Activity['conversation']> }>(item: T): T {
  const key = item.conversation?.id;
  if (key === undefined) return item;
  const own = parseBotFrameworkKey(key);
  if (!own) throw new OutboundRefusedError('not a Bot Framework conversation: nothing sent to a connector');
  return { ...item, conversation: { ...item.conversation, id: own.id } };
}
