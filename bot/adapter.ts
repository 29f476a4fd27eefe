import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { toLocale } from '../knowledge-base/index';
import type { Config } from './config';
import { withContext, type Log } from './log';
import { textFor } from './text';

/**
 * The Bot Framework adapter. Without an app id it runs in anonymous mode (Emulator, local fake
 * connector); with one, incoming requests must carry a Bot Framework JWT and replies are signed.
 */
export function createCloudAdapter(config: Config, log: Log, fallbackLocale: 'fr' | 'en'): CloudAdapter {
  const app = config.microsoftApp;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: app.appId ?? '',
    MicrosoftAppPassword: app.appPassword ?? '',
    MicrosoftAppTenantId: app.tenantId ?? '',
    MicrosoftAppType: app.appType,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(log, fallbackLocale);
  return adapter;
}

/** Logs a failed turn and tells the customer, in their language, that something went wrong. */
export function turnErrorHandler(log: Log, fallbackLocale: 'fr' | 'en') {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const conversationId = context.activity.conversation?.id;
    withContext(log, conversationId === undefined ? {} : { conversationId }).error('turn failed', error);
    const locale = toLocale(context.activity.locale) ?? fallbackLocale;
    // The reply itself may fail (unreachable serviceUrl): nothing more to do then.
    await context.sendActivity(textFor(locale).technicalProblem).catch(() => undefined);
  };
}
