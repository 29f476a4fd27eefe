import { buildKnowledgeBase, Faq } from '../../knowledge-base/index';

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

/** The FAQ every bot test runs on: built from the two small KBs above (French by default). */
export function buildTestFaq(): Faq {
  return Faq.build(
    buildKnowledgeBase([
      { file: 'fr.yaml', text: FR },
      { file: 'en.yaml', text: EN },
    ]),
    { defaultLocale: 'fr' },
  );
}
