import type { Customer } from './customer';

/** A booked service as the back office knows it. */
export interface Mission {
  readonly id: string;
  readonly service: { readonly fr: string; readonly en: string };
  readonly startsAt: Date;
  readonly hours: number;
  readonly providerName: string;
}

export type NoShowOutcome =
  | {
      readonly status: 'refunded';
      readonly mission: Mission;
      readonly refundedHours: number;
      readonly discountPercent: number;
      /** The same service at the same time one week later, bookable in one click. */
      readonly rebookSlot: Date;
    }
  | { readonly status: 'already-reported'; readonly mission: Mission }
  | { readonly status: 'unknown-mission' };

export type RebookOutcome =
  { readonly status: 'booked'; readonly mission: Mission } | { readonly status: 'unknown-mission' };

/**
 * The company's back office, as far as the bot may act on it. Only called for an identified
 * customer: anonymous visitors never reach these methods.
 */
export interface BackOffice {
  recentMissions(customer: Customer): Promise<readonly Mission[]>;
  reportNoShow(customer: Customer, missionId: string): Promise<NoShowOutcome>;
  rebookNextWeek(customer: Customer, missionId: string): Promise<RebookOutcome>;
}
