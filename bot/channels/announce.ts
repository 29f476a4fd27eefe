import type { Config } from '../config';
import type { Log } from '../log';

/**
 * Says at every start how /api/messages is protected. Anonymous in production only runs with
 * BOT_ALLOW_ANONYMOUS_CHANNEL=true (bot/config.ts refuses otherwise), and then warns each time.
 */
export function announceBotChannel(config: Config, log: Log): void {
  if (!config.botChannel.anonymous) return;
  const allowlist = config.botChannel.serviceUrlAllowlist;
  const replies = `replies go only to loopback${allowlist.length > 0 ? ` and ${allowlist.join(', ')}` : ''}`;
  if (config.production) {
    (log.warn ?? log.info)(
      `BOT_ALLOW_ANONYMOUS_CHANNEL=true: /api/messages accepts activities from anyone without a Bot Framework token (${replies}). Set MicrosoftAppId and MicrosoftAppPassword to authenticate it.`,
    );
    return;
  }
  log.info(
    `No MicrosoftAppId: Bot Framework requests are not authenticated (fine for the Emulator and local use only; ${replies}).`,
  );
}
