import type { BackOffice, Mission, NoShowOutcome, RebookOutcome } from './back-office';
import type { Customer } from './customer';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Demo back office kept in memory: every customer has two recent missions made up from the clock,
 * and every action is recorded in `actions` (nothing reaches a real payment system).
 */
export class DemoBackOffice implements BackOffice {
  readonly actions: Array<{ kind: 'no-show' | 'rebook'; customerId: string; missionId: string; at: Date }> =
    [];
  private readonly missions = new Map<string, Mission[]>();
  private readonly reported = new Set<string>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async recentMissions(customer: Customer): Promise<readonly Mission[]> {
    return this.missionsOf(customer);
  }

  async reportNoShow(customer: Customer, missionId: string): Promise<NoShowOutcome> {
    const mission = this.missionsOf(customer).find((m) => m.id === missionId);
    if (!mission) return { status: 'unknown-mission' };
    const key = `${customer.id}/${missionId}`;
    if (this.reported.has(key)) return { status: 'already-reported', mission };
    this.reported.add(key);
    this.actions.push({ kind: 'no-show', customerId: customer.id, missionId, at: this.now() });
    return {
      status: 'refunded',
      mission,
      refundedHours: mission.hours,
      discountPercent: 10,
      rebookSlot: new Date(mission.startsAt.getTime() + WEEK_MS),
    };
  }

  async rebookNextWeek(customer: Customer, missionId: string): Promise<RebookOutcome> {
    const list = this.missionsOf(customer);
    const mission = list.find((m) => m.id === missionId);
    if (!mission) return { status: 'unknown-mission' };
    const booked: Mission = {
      ...mission,
      id: `${mission.id}-w1`,
      startsAt: new Date(mission.startsAt.getTime() + WEEK_MS),
    };
    list.push(booked);
    this.actions.push({ kind: 'rebook', customerId: customer.id, missionId, at: this.now() });
    return { status: 'booked', mission: booked };
  }

  private missionsOf(customer: Customer): Mission[] {
    let list = this.missions.get(customer.id);
    if (!list) {
      const today = new Date(Math.floor(this.now().getTime() / DAY_MS) * DAY_MS);
      list = [
        {
          id: 'M-1001',
          service: { fr: 'Ménage', en: 'Cleaning' },
          startsAt: new Date(today.getTime() + 8 * 3600 * 1000),
          hours: 2,
          providerName: 'Awa',
        },
        {
          id: 'M-1002',
          service: { fr: 'Repassage', en: 'Ironing' },
          startsAt: new Date(today.getTime() - 2 * DAY_MS + 13 * 3600 * 1000),
          hours: 1,
          providerName: 'Julien',
        },
      ];
      this.missions.set(customer.id, list);
    }
    return list;
  }
}
