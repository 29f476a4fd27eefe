/**
 * A four-entry French FAQ (booking, payment, tax credit, invoices; five phrasings each): what a
 * small shop writes first, shared by the tests that need a small KB with no calibration set.
 */
export const FOUR_ENTRIES_FR = `version: 1
locale: fr
entries:
  - id: booking-how
    question: "Comment réserver une prestation ?"
    alternates: ["comment on réserve un créneau", "où prendre rendez-vous sur le site", "réserver une aide ménagère", "les étapes pour réserver"]
    answer: "Connectez-vous puis cliquez sur « Réserver »."
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
`;
