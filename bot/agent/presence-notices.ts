import type { ConversationRecord } from '../../handoff/index';
import { toLocale } from '../../knowledge-base/index';
import { textFor } from '../text';
import type { CustomerFacingAgent, CustomerRelay } from './customer-relay';
import { readReference } from './customer-relay';

/** A person arriving, leaving or handing back, as the customer is told it. */
export type PresenceChange =
  | { readonly kind: 'joined'; readonly agent: CustomerFacingAgent }
  | { readonly kind: 'took-over'; readonly agent: CustomerFacingAgent }
  | { readonly kind: 'left'; readonly agent?: CustomerFacingAgent }
  | { readonly kind: 'handed-back'; readonly agent: CustomerFacingAgent };

/**
 * Tells the customer, in the conversation's language and on its own channel, who is with them:
 * "Camille du service Client a rejoint la conversation", "… a pris le relais", "… a quitté la
 * conversation", "… vous a repassé à l'assistant". The agent's action has already happened in
 * the queue: a channel that refuses the notice does not undo it (the error goes to `onError`).
 */
export class PresenceNotices {
  constructor(
    private readonly relay: CustomerRelay,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async tell(record: ConversationRecord | null | undefined, change: PresenceChange): Promise<void> {
    const reference = readReference(record?.context.reference);
    if (!record || !reference) return;
    const locale = toLocale(record.language) ?? 'fr';
    const text = textFor(locale);
    const name = change.agent?.displayName;
    const [kind, sentence] =
      change.kind === 'joined'
        ? (['agent-joined', text.agentJoined(change.agent.displayName)] as const)
        : change.kind === 'took-over'
          ? (['agent-joined', text.agentTookOver(change.agent.displayName)] as const)
          : change.kind === 'left'
            ? (['agent-left', text.agentLeft(name)] as const)
            : (['agent-handed-back', text.agentHandedBack(change.agent.displayName)] as const);
    await this.relay.notice(reference, kind, sentence, locale).catch(this.onError);
  }
}
