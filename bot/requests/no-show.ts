import type { Turn } from '../conversation/turn';

/**
 * "My provider did not come": find the mission, then the back office refunds it, e-mails a
 * discount and offers the same slot next week. Only for an identified customer: an anonymous
 * visitor is asked to log in or offered a person, never refunded.
 */
export async function startNoShow(turn: Turn): Promise<void> {
  if (!turn.customer) {
    turn.data.pending = { kind: 'person-offered', reason: 'needs-login' };
    return turn.say(turn.text.noShowLoginRequired, [turn.text.talkToPerson]);
  }
  const missions = await turn.deps.backOffice.recentMissions(turn.customer);
  if (missions.length === 0) {
    turn.data.pending = { kind: 'person-offered', reason: 'customer-request' };
    return turn.say(turn.text.noShowNoMission, [turn.text.talkToPerson]);
  }
  const tz = turn.deps.supportHours.timeZone;
  const options = missions.slice(0, 4).map((m) => ({ id: m.id, label: turn.text.missionLabel(m, tz) }));
  turn.data.pending = { kind: 'no-show-mission', missions: options };
  await turn.say(
    turn.text.noShowChooseMission,
    options.map((o) => o.label),
  );
}

export async function reportNoShow(turn: Turn, missionId: string): Promise<void> {
  const customer = turn.customer;
  if (!customer) return startNoShow(turn);
  const outcome = await turn.deps.backOffice.reportNoShow(customer, missionId);
  turn.data.backOffice.push({
    action: 'no-show',
    missionId,
    status: outcome.status,
    at: turn.deps.clock().toISOString(),
  });
  const message = turn.text.noShowOutcome(outcome, turn.deps.supportHours.timeZone);
  if (outcome.status === 'refunded') {
    turn.data.pending = { kind: 'rebook-offer', missionId };
    return turn.say(message, [turn.text.rebookAction, turn.text.no]);
  }
  turn.data.pending = undefined;
  await turn.say(message);
}

export async function rebookNextWeek(turn: Turn, missionId: string): Promise<void> {
  const customer = turn.customer;
  if (!customer) return startNoShow(turn);
  const outcome = await turn.deps.backOffice.rebookNextWeek(customer, missionId);
  turn.data.backOffice.push({
    action: 'rebook',
    missionId,
    status: outcome.status,
    at: turn.deps.clock().toISOString(),
  });
  turn.data.pending = undefined;
  if (outcome.status === 'booked') {
    await turn.say(turn.text.rebooked(outcome.mission, turn.deps.supportHours.timeZone));
    return turn.deps.closing.botResolved(turn);
  }
  await turn.say(turn.text.noShowOutcome(outcome, turn.deps.supportHours.timeZone));
}
