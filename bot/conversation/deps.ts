import type { Activity } from 'botbuilder';
import type { Faq } from '../../knowledge-base/index';
import type { SurveyStore } from '../../insights/index';
import type { Log } from '../log';
import type { SupportHours } from '../config';
import type { BackOffice } from '../ports/back-office';
import type { ConversationClosing } from '../closing/closing-service';
import type { Customer } from '../ports/customer';
import type { HandoffPort } from '../ports/handoff';

/** The part of the knowledge base the bot uses (a Faq, or a test double around one). */
export type FaqPort = Pick<Faq, 'match' | 'detect' | 'entry' | 'defaultLocale'>;

/** A knowledge base that also lists its entries (a Faq or the reloadable holder; not every test double). */
export type FaqCatalogue = FaqPort & Pick<Faq, 'locales' | 'entries'>;

export function listsEntries(faq: object): faq is FaqCatalogue {
  const candidate = faq as Partial<FaqCatalogue>;
  return typeof candidate.entries === 'function' && Array.isArray(candidate.locales);
}

/** What the conversation logic needs from the outside world; tests pass fakes or in-memory ones. */
export interface BotDeps {
  readonly faq: FaqPort;
  readonly handoff: HandoffPort;
  readonly backOffice: BackOffice;
  /** The closes of the customer's own turn (bot/closing/: the one closing service). */
  readonly closing: ConversationClosing;
  readonly supportHours: SupportHours;
  readonly clock: () => Date;
  /** The customer a trusted channel vouches for, or undefined for an anonymous visitor. */
  readonly identify: (activity: Partial<Activity>) => Customer | undefined;
  /** Where closed conversations and their survey go; without it no survey is asked. */
  readonly surveys?: SurveyStore;
  /** Which optional survey questions this deployment asks (default: no NPS). */
  readonly surveyQuestions?: { readonly askNps?: boolean };
  /** Where a survey the store refused is reported (the customer's turn goes on). */
  readonly log?: Log;
}
