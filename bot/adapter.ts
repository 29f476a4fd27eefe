import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type BotFrameworkAuthentication,
  type ServiceClientCredentials,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { toLocale } from '../knowledge-base/index';
import { ChannelCloudAdapter } from './channels/channel-cloud-adapter';
import { ChannelUnavailableError, type SendObserver } from './channels/channel-send-policy';
import { withChannelSendBudget } from './channels/connector-clients';
import type { ServiceUrlCheck } from './channels/service-url-policy';
import type { Config } from './config';
import { withContext, type Log } from './log';
import { textFor } from './text';

/** What signs the bot's replies instead of an Azure AD token (tests, private clouds with their own issuer). */
export type OutboundCredentials = (
  appId: string,
  audience: string | undefined,
) => Promise<ServiceClientCredentials>;

/**
 * The Bot Framework adapter. Without an app id it runs in anonymous mode (Emulator, local fake
 * connector); with one, incoming requests must carry a Bot Framework JWT and replies are signed.
 */
export function createCloudAdapter(
  config: Config,
  log: Log,
  fallbackLocale: 'fr' | 'en',
  serviceUrlAllowed: ServiceUrlCheck,
  outbound?: OutboundCredentials,
  sends: SendObserver = { retried: () => undefined, failed: () => undefined },
): ChannelCloudAdapter {
  const app = config.microsoftApp;
  const settings = {
    MicrosoftAppId: app.appId ?? '',
    MicrosoftAppPassword: app.appPassword ?? '',
    MicrosoftAppTenantId: app.tenantId ?? '',
    MicrosoftAppType: app.appType,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...settings, ...openIdSettings(config.openIdMetadataUrl) },
    outbound ? withOutbound(credentials, outbound) : credentials,
  );
  const budgeted = withChannelSendBudget(tokenErrorsAre401(auth), config.channelSend, sends, log);
  const adapter = new ChannelCloudAdapter(budgeted, serviceUrlAllowed);
  adapter.onTurnError = turnErrorHandler(log, fallbackLocale);
  return adapter;
}

/**
 * BOT_OPENID_METADATA_URL: incoming tokens (channel and Emulator) are checked against the keys of
 * this OpenID metadata. botbuilder then wants every endpoint named, so the others keep the public
 * cloud's values.
 */
function openIdSettings(metadataUrl: string | undefined): Record<string, string | boolean> {
  if (!metadataUrl) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** The configured app id and password decide who may call; only the reply signing is replaced. */
function withOutbound(
  credentials: ServiceClientCredentialsFactory,
  outbound: OutboundCredentials,
): ServiceClientCredentialsFactory {
  return {
    isValidAppId: (appId) => credentials.isValidAppId(appId),
    isAuthenticationDisabled: () => credentials.isAuthenticationDisabled(),
    createCredentials: (appId, audience) => outbound(appId, audience),
  };
}

/** jsonwebtoken's errors, and SyntaxError for a token whose parts are not JSON. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError', 'SyntaxError']);

/**
 * botbuilder lets jsonwebtoken's own errors (bad signature, wrong issuer, tampered token) escape
 * as plain errors, which CloudAdapter answers with 500. They are the caller's fault: 401.
 */
function tokenErrorsAre401(auth: BotFrameworkAuthentication): BotFrameworkAuthentication {
  const asAuthError = (error: unknown): never => {
    if (error instanceof Error && TOKEN_ERRORS.has(error.name))
      throw new AuthenticationError(`Unauthorized: ${error.message}`, 401);
    throw error;
  };
  return new Proxy(auth, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (typeof property !== 'string' || !property.startsWith('authenticate')) return method;
      return async (...args: unknown[]) => {
        try {
          return await method(...args);
        } catch (error) {
          return asAuthError(error);
        }
      };
    },
  });
}

/** Logs a failed turn and tells the customer, in their language, that something went wrong. */
export function turnErrorHandler(log: Log, fallbackLocale: 'fr' | 'en') {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const conversationId = context.activity.conversation?.id;
    withContext(log, conversationId === undefined ? {} : { conversationId }).error('turn failed', error);
    // The connector is down or hanging: an apology through it would hold the turn another budget.
    if (error instanceof ChannelUnavailableError) return;
    const locale = toLocale(context.activity.locale) ?? fallbackLocale;
    // The reply itself may fail (unreachable serviceUrl): nothing more to do then.
    await context.sendActivity(textFor(locale).technicalProblem).catch(() => undefined);
  };
}
