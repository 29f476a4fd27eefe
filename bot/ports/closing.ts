import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../knowledge-base/index';
import { textFor } from '../text';

/**
 * The step after the customer says the bot solved their problem. The survey issue plugs the CES
 * question in here; the default just thanks them.
 */
export interface ClosingHook {
  onResolved(context: TurnContext, locale: Locale): Promise<void>;
}

export const thankYouClosing: ClosingHook = {
  async onResolved(context, locale) {
    await context.sendActivity(textFor(locale).resolved);
  },
};
