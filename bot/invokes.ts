import type { Activity, InvokeResponse } from 'botbuilder';

/** Longest invoke name echoed back in an error. */
const NAME_SHOWN = 100;

/**
 * Relais has no cards, task modules or message extensions, so no invoke does anything. An invoke
 * is a request the channel waits on: `healthCheck` (Azure Bot Service) is answered 200, any other
 * name 400 NotSupported in the Bot Framework's invoke error shape (what the Adaptive Card invoke
 * contract answers for an action a bot does not support). Not 200: the channel would tell the user
 * an action succeeded when nothing happened; not 501: a server error the channel may retry and
 * monitoring counts as Relais failing.
 */
export function answerInvoke(activity: Partial<Activity>): InvokeResponse {
  const name = typeof activity.name === 'string' ? activity.name.slice(0, NAME_SHOWN) : '';
  if (name === 'healthCheck')
    return { status: 200, body: { healthResults: { success: true, messages: ['Relais is running'] } } };
  return {
    status: 400,
    body: {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'NotSupported',
        message:
          name === ''
            ? 'an invoke needs a name; Relais answers none but healthCheck'
            : `Relais does not handle the "${name}" invoke (only healthCheck)`,
      },
    },
  };
}
