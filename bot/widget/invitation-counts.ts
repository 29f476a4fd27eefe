/** What became of one proactive invitation: the bubble appeared, the visitor accepted or closed it. */
export const INVITATION_OUTCOMES = ['shown', 'accepted', 'dismissed'] as const;
export type InvitationOutcome = (typeof INVITATION_OUTCOMES)[number];

export type InvitationTally = Readonly<Record<InvitationOutcome, number>>;

/**
 * Counts of the proactive invitations per rule. Rule ids are checked against the configured rules
 * before they reach a store: a request never adds a label of its own.
 */
export interface InvitationCounts {
  record(ruleId: string, outcome: InvitationOutcome): Promise<void>;
  /** The tallies of these rules (zeros for a rule never counted), in the same order. */
  read(ruleIds: readonly string[]): Promise<InvitationTally[]>;
}

export const NO_INVITATIONS: InvitationTally = Object.freeze({ shown: 0, accepted: 0, dismissed: 0 });

/** In this process only (the embedded default): the counts go with a restart. */
export class MemoryInvitationCounts implements InvitationCounts {
  private readonly tallies = new Map<string, Record<InvitationOutcome, number>>();

  async record(ruleId: string, outcome: InvitationOutcome): Promise<void> {
    const tally = this.tallies.get(ruleId) ?? { ...NO_INVITATIONS };
    tally[outcome] += 1;
    this.tallies.set(ruleId, tally);
  }

  async read(ruleIds: readonly string[]): Promise<InvitationTally[]> {
    return ruleIds.map((id) => ({ ...(this.tallies.get(id) ?? NO_INVITATIONS) }));
  }
}
