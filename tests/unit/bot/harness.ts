import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import {
  buildKnowledgeBase,
  Faq,
  type Decision,
  type Entry,
  type Locale,
} from '../../../knowledge-base/index';
import type { SupportHours } from '../../../bot/config';
import type { BotDeps, FaqPort } from '../../../bot/conversation/deps';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { ClosingService } from '../../../bot/closing/closing-service';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { RelaisBot } from '../../../bot/relais-bot';
import { identifyWith } from '../../../bot/security/identity';

/** A small KB in both languages, enough for the matcher to answer, hesitate and give up. */
const FR = `
version: 1
locale: fr
entries:
  - id: booking-how
    question: "Comment réserver une prestation ?"
    alternates: ["comment on réserve un créneau", "où prendre rendez-vous sur le site", "réserver une aide ménagère", "les étapes pour réserver"]
    answer: "Connectez-vous puis cliquez sur « Réserver »."
    followUps: [payment-methods, tax-credit]
  - id: payment-methods
    question: "Quels moyens de paiement acceptez-vous ?"
    alternates: ["payer par carte bancaire", "vous prenez les chèques ?", "paiement par virement possible", "comment payer ma commande"]
    answer: "Carte bancaire, virement et CESU."
  - id: tax-credit
    question: "Ai-je droit au crédit d'impôt ?"
    alternates: ["réduction d'impôts pour le ménage", "crédit d'impôt services à la personne", "déduction fiscale des heures de ménage", "50 % remboursés par les impôts"]
    answer: "Oui : 50 % des sommes versées."
  - id: invoices
    question: "Où trouver mes factures ?"
    alternates: ["télécharger une facture", "je n'ai pas reçu ma facture", "facture du mois dernier", "récupérer mes factures"]
    answer: "Dans « Mon compte », rubrique « Factures »."
  - id: invoices-company
    question: "Puis-je avoir une facture au nom de mon entreprise ?"
    alternates: ["facture pour ma société", "facture avec numéro de TVA", "facture entreprise", "mettre le nom de ma boîte sur la facture"]
    answer: "Oui, ajoutez la raison sociale dans « Mon compte »."
  - id: incident-damage
    question: "Le prestataire a causé un dégât chez moi."
    alternates: ["elle a cassé mon vase", "il a abîmé mon canapé", "dégât des eaux après le ménage", "quelque chose est cassé après son passage"]
    answer: "Nous sommes désolés pour cet incident : un conseiller va reprendre votre demande."
    escalate: true
`;

const EN = `
version: 1
locale: en
entries:
  - id: booking-how
    question: "How do I book a service?"
    alternates: ["how can I book a slot", "where do I make an appointment on the website", "book a cleaner", "steps to book"]
    answer: "Log in, then click Book."
    followUps: [payment-methods, tax-credit]
  - id: payment-methods
    question: "Which payment methods do you accept?"
    alternates: ["pay by credit card", "do you take cheques", "can I pay by bank transfer", "how do I pay my order"]
    answer: "Card, bank transfer and CESU."
  - id: tax-credit
    question: "Am I entitled to the tax credit?"
    alternates: ["tax reduction for cleaning", "tax credit for home services", "tax deduction for cleaning hours", "50% back from taxes"]
    answer: "Yes: 50% of what you paid."
  - id: invoices
    question: "Where can I find my invoices?"
    alternates: ["download an invoice", "I did not get my invoice", "last month's invoice", "get my invoices"]
    answer: "In My account, under Invoices."
  - id: invoices-company
    question: "Can I get an invoice in my company's name?"
    alternates: ["invoice for my business", "invoice with VAT number", "company invoice", "put my firm's name on the invoice"]
    answer: "Yes, add the company name in My account."
  - id: incident-damage
    question: "The provider damaged something in my home."
    alternates: ["she broke my vase", "he ruined my sofa", "water damage after cleaning", "something is broken after the visit"]
    answer: "We are sorry about this incident: an agent will take over your request."
    escalate: true
`;

export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const PARIS_HOURS: SupportHours = {
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5, 6],
  openHour: 8,
  closeHour: 21,
};
/** Wednesday 11 March 2026, 10:00 in Paris (09:00 UTC): support is open. */
export const OPEN_TIME = new Date('2026-03-11T09:00:00Z');
/** Sunday 15 March 2026, 12:00 in Paris: support is closed until Monday 8:00. */
export const SUNDAY_NOON = new Date('2026-03-15T11:00:00Z');

export function buildTestFaq(): Faq {
  return Faq.build(
    buildKnowledgeBase([
      { file: 'fr.yaml', text: FR },
      { file: 'en.yaml', text: EN },
    ]),
    { defaultLocale: 'fr' },
  );
}

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
