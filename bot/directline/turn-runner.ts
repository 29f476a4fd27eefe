import type { ActivityHandler } from 'botbuilder';
import { toLocale } from '../../knowledge-base/index';
import { withContext, type Log } from '../log';
import { textFor } from '../text';
import { LEDGER_TURN, type DirectLineAdapter } from './adapter';
import { incomingActivity } from './incoming';
import type { ClaimedTurn, TurnLease } from './pending-turns';
import type { ProcessedTurns } from './processed-turns';
import type { DirectLineConversation, DirectLineStore, StoredActivity } from './store';

/** Claims after which a stored activity is dropped with an apology (a message that kills every run). */
export const MAX_TURN_ATTEMPTS = 3;
/** How many due activities one recovery pass takes. */
const RECOVERY_BATCH = 5;

export interface TurnRunnerDeps {
  readonly store: DirectLineStore;
  readonly adapter: DirectLineAdapter;
  readonly bot: ActivityHandler;
  /** Recognises a turn that completed before a crash (absent: replays are not detected). */
  readonly processed?: ProcessedTurns;
  readonly tokenSecret: string;
  readonly lease: TurnLease;
  readonly log: Log;
}

/**
 * Runs the turn of a stored customer activity under its lease, then tells the pending-turn
 * ledger: done, or retry later. Live POSTs and the recovery of what a dead instance (or a failed
 * turn) left pending go through the same path, so a turn runs at least once and, by its activity
 * id, has its effects once: the replayed turn is skipped when the state says it completed, and
 * its replies are appended under keys derived from that id.
 */
export class TurnRunner {
  private recovery?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(private readonly deps: TurnRunnerDeps) {}

  get lease(): TurnLease {
    return this.deps.lease;
  }

  /** The turn of an activity the caller just stored (with this lease) or claimed. */
  async run(conversation: DirectLineConversation, activity: StoredActivity, attempt: number): Promise<void> {
    const { store, lease } = this.deps;
    const log = withContext(this.deps.log, { conversationId: conversation.id });
    if (attempt > MAX_TURN_ATTEMPTS) {
      log.error(`activity ${activity.id} given up after ${MAX_TURN_ATTEMPTS} attempts`);
      await this.apologise(conversation, activity);
      return store.pending.done(activity.id, lease.owner);
    }
    const renewing = setInterval(
      () => {
        store.pending.renew(activity.id, lease).catch(() => undefined);
      },
      Math.max(50, Math.floor(lease.ms / 3)),
    );
    renewing.unref();
    let failure: unknown;
    try {
      await this.deps.adapter.processActivity(
        incomingActivity(conversation, activity, this.deps.tokenSecret),
        async (context) => {
          context.turnState.set(LEDGER_TURN, activity.id);
          const processed = this.deps.processed;
          if (processed && (await processed.seen(context, activity.id))) return;
          await processed?.mark(context, activity.id);
          try {
            await this.deps.bot.run(context);
          } catch (error) {
            // The last attempt fails as every turn does (logged, the customer told); earlier ones retry.
            if (attempt >= MAX_TURN_ATTEMPTS) throw error;
            failure = error;
          }
        },
      );
    } catch (error) {
      failure ??= error;
    } finally {
      clearInterval(renewing);
    }
    if (failure === undefined) return store.pending.done(activity.id, lease.owner);
    log.error(`turn of ${activity.id} failed (attempt ${attempt}): it will run again`, failure);
    await store.pending.retryLater(activity.id, lease.owner, lease.ms / 2);
  }

  /** Runs now what was stored but never answered and whose lease lapsed; then every half lease. */
  startRecovery(): void {
    if (this.recovery) return;
    const sweep = () => {
      this.sweeping ??= this.recover()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.log.error('pending turn recovery failed', error))
        .finally(() => (this.sweeping = undefined));
    };
    sweep();
    this.recovery = setInterval(sweep, Math.max(50, Math.floor(this.deps.lease.ms / 2)));
    this.recovery.unref();
  }

  /** Stops recovering and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.recovery);
    this.recovery = undefined;
    await this.sweeping;
  }

  /** One pass: claims due activities and runs them one by one (in order within a conversation). */
  async recover(): Promise<number> {
    const { store, lease } = this.deps;
    const claimed = await store.pending.claimDue(lease, RECOVERY_BATCH);
    for (const turn of claimed) await this.recoverOne(turn);
    return claimed.length;
  }

  private async recoverOne({ activityId, attempt }: ClaimedTurn): Promise<void> {
    const { store, lease } = this.deps;
    // The batch's later turns waited for the earlier ones: keep the lease, or leave it to its new owner.
    if (!(await store.pending.renew(activityId, lease))) return;
    const activity = await store.pendingActivity(activityId);
    const conversationId = activity?.conversation?.id;
    const conversation =
      conversationId === undefined ? undefined : await store.getConversation(conversationId);
    // Erased or expired since: nothing left to answer.
    if (!activity || !conversation) return store.pending.done(activityId, lease.owner);
    withContext(this.deps.log, { conversationId: conversation.id }).info(
      `recovering activity ${activityId} stored but not answered (attempt ${attempt})`,
    );
    await this.run(conversation, activity, attempt);
  }

  private async apologise(conversation: DirectLineConversation, activity: StoredActivity): Promise<void> {
    const locale = toLocale(activity.locale ?? conversation.locale) ?? 'fr';
    await this.deps.adapter.processActivity(
      incomingActivity(conversation, activity, this.deps.tokenSecret),
      async (context) => {
        context.turnState.set(LEDGER_TURN, `${activity.id}:given-up`);
        await context.sendActivity(textFor(locale).technicalProblem);
      },
    );
  }
}
