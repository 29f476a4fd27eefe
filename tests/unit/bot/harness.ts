import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import type { Decision, Entry, Faq, Locale } from '../../../knowledge-base/index';
import type { BotDeps, FaqPort } from '../../../bot/conversation/deps';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { ClosingService } from '../../../bot/closing/closing-service';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { RelaisBot } from '../../../bot/relais-bot';
import { identifyWith } from '../../../bot/security/identity';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';

/**
 * The real FAQ, except for a few messages whose decision is fixed: the bot's reaction to a
 * "clarify" or a low-confidence decision is tested without depending on the matcher's tuning.
 */
export const SCRIPTED: Record<
  string,
  { locale: Locale; decision: 'clarify' | 'low-confidence'; options?: string[] }
> = {
  'je veux une facture': {
    locale: 'fr',
    decision: 'clarify',
    options: ['invoices', 'invoices-company', 'tax-credit'],
  },
  'invoice for taxes': {
    locale: 'en',
    decision: 'clarify',
    options: ['tax-credit', 'invoices', 'invoices-company'],
  },
  'quelle est la météo demain': { locale: 'fr', decision: 'low-confidence' },
  'what is the weather tomorrow': { locale: 'en', decision: 'low-confidence' },
};

export function scriptedFaq(faq: Faq): FaqPort {
  return {
    defaultLocale: faq.defaultLocale,
    detect: (text, hint) => SCRIPTED[text]?.locale ?? faq.detect(text, hint),
    entry: (id, locale) => faq.entry(id, locale),
    match: async (text, options) => {
      const script = SCRIPTED[text];
      if (!script) return faq.match(text, options);
      const entries = (script.options ?? [])
        .map((id) => faq.entry(id, script.locale))
        .filter((e): e is Entry => e !== undefined);
      const base = {
        locale: script.locale,
        candidates: entries.map((e, i) => ({ id: e.id, score: 0.5 - i * 0.1, question: e.question })),
        explanation: 'scripted in the test',
        matchedTerms: [],
      };
      const decision: Decision =
        script.decision === 'clarify'
          ? { ...base, decision: 'clarify', confidence: 0.5, options: entries }
          : { ...base, decision: 'escalate', reason: 'low-confidence', confidence: 0.1 };
      return decision;
    },
  };
}

export interface BotHarness {
  readonly adapter: TestAdapter;
  readonly handoff: InMemoryHandoffRecorder;
  readonly backOffice: DemoBackOffice;
  readonly sent: Partial<Activity>[];
}

/** A fresh bot and conversation (own storage) on a shared, already-built FAQ. */
export function startBot(
  faq: Faq,
  options: { locale?: string; now?: Date; channelData?: unknown } = {},
): BotHarness {
  const now = options.now ?? OPEN_TIME;
  const handoff = new InMemoryHandoffRecorder();
  const backOffice = new DemoBackOffice(() => now);
  const deps: BotDeps = {
    faq: scriptedFaq(faq),
    handoff,
    backOffice,
    closing: new ClosingService(),
    supportHours: PARIS_HOURS,
    clock: () => now,
    identify: identifyWith(SECRET),
  };
  const bot = new RelaisBot(new ConversationState(new MemoryStorage()), deps);
  const template: Partial<Activity> = {
    locale: options.locale ?? 'fr-FR',
    ...(options.channelData ? { channelData: options.channelData } : {}),
  };
  const adapter = new TestAdapter((context) => bot.run(context), template);
  const sent: Partial<Activity>[] = [];
  adapter.use(async (context, next) => {
    context.onSendActivities(async (_c, activities, nextSend) => {
      sent.push(...activities);
      return nextSend();
    });
    await next();
  });
  return { adapter, handoff, backOffice, sent };
}

/** The labels of the quick replies on an activity. */
export function actionsOf(activity: Partial<Activity>): string[] {
  return (activity.suggestedActions?.actions ?? []).map((a) => String(a.value));
}
