import type { Activity } from 'botbuilder';
import type { Faq } from '../../knowledge-base/index';
import type { SupportHours } from '../config';
import type { BackOffice } from '../ports/back-office';
import type { ClosingHook } from '../ports/closing';
import type { Customer } from '../ports/customer';
import type { HandoffPort } from '../ports/handoff';

/** What the conversation logic needs from the outside world; tests pass fakes or in-memory ones. */
export interface BotDeps {
  readonly faq: Faq;
  readonly handoff: HandoffPort;
  readonly backOffice: BackOffice;
  readonly closing: ClosingHook;
  readonly supportHours: SupportHours;
  readonly clock: () => Date;
  /** The customer a trusted channel vouches for, or undefined for an anonymous visitor. */
  readonly identify: (activity: Partial<Activity>) => Customer | undefined;
}
