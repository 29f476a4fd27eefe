import { buildKnowledgeBase, Faq, type Decision } from '../../../knowledge-base';

// An employee-support FAQ written as many are: each entry is its question alone, no alternates,
// no calibration set. The matcher calibrates itself and must still answer what it clearly covers.
const FR = `
version: 1
locale: fr
entries:
  - { id: leave-request, question: "Comment poser des jours de congé ?", answer: "Dans l'outil RH, rubrique Absences." }
  - { id: leave-balance, question: "Où voir mon solde de congés payés ?", answer: "Sur votre fiche RH, onglet Compteurs." }
  - { id: sick-leave, question: "Que faire si je suis en arrêt maladie ?", answer: "Envoyez l'arrêt à la RH sous 48 heures." }
  - { id: payslip, question: "Où trouver mes bulletins de salaire ?", answer: "Dans le coffre-fort numérique." }
  - { id: pay-date, question: "Quand le salaire est-il versé ?", answer: "Le dernier jour ouvré du mois." }
  - { id: expenses, question: "Comment me faire rembourser une note de frais ?", answer: "Déposez les justificatifs dans l'outil Frais." }
  - { id: remote-work, question: "Combien de jours de télétravail par semaine ?", answer: "Deux jours, à voir avec votre manager." }
  - { id: password, question: "J'ai oublié le mot de passe de ma session Windows", answer: "Utilisez la réinitialisation en libre-service." }
  - { id: vpn, question: "Le VPN ne se connecte pas depuis chez moi", answer: "Redémarrez le client VPN puis ouvrez un ticket." }
  - { id: laptop, question: "Mon ordinateur portable est cassé, comment le remplacer ?", answer: "Ouvrez un ticket matériel." }
  - { id: printer, question: "Comment installer l'imprimante du bureau ?", answer: "Depuis le portail logiciel, choisissez Imprimantes." }
  - { id: badge, question: "J'ai perdu mon badge d'accès au bâtiment", answer: "Signalez-le à l'accueil pour un badge provisoire." }
  - { id: canteen, question: "Quels sont les horaires de la cantine ?", answer: "De 11 h 30 à 14 h." }
  - { id: parking, question: "Comment obtenir une place de parking ?", answer: "Faites la demande aux services généraux." }
  - { id: training, question: "Comment m'inscrire à une formation ?", answer: "Dans le catalogue de formation de l'intranet." }
  - { id: mutual, question: "Comment ajouter mon enfant à la mutuelle ?", answer: "Envoyez l'acte de naissance à la mutuelle." }
  - { id: address, question: "Je change d'adresse, qui dois-je prévenir ?", answer: "Mettez-la à jour dans l'outil RH." }
  - { id: resignation, question: "Quel est le préavis en cas de démission ?", answer: "Un à trois mois selon votre statut." }
  - { id: meal-vouchers, question: "Comment fonctionnent les tickets restaurant ?", answer: "Une carte rechargée chaque mois." }
  - { id: overtime, question: "Comment déclarer des heures supplémentaires ?", answer: "Dans la feuille de temps, validée par le manager." }
`;

const EN = `
version: 1
locale: en
entries:
  - { id: leave-request, question: "How do I request days off?", answer: "In the HR tool, under Absences." }
  - { id: leave-balance, question: "Where can I see my paid leave balance?", answer: "On your HR record, Counters tab." }
  - { id: sick-leave, question: "What should I do when I am on sick leave?", answer: "Send the doctor's note to HR within 48 hours." }
  - { id: payslip, question: "Where do I find my payslips?", answer: "In the digital safe." }
  - { id: pay-date, question: "When is the salary paid?", answer: "On the last working day of the month." }
  - { id: expenses, question: "How do I get an expense claim reimbursed?", answer: "Upload the receipts to the Expenses tool." }
  - { id: remote-work, question: "How many days of remote work per week?", answer: "Two days, agreed with your manager." }
  - { id: password, question: "I forgot my Windows login password", answer: "Use the self-service reset." }
  - { id: vpn, question: "The VPN does not connect from home", answer: "Restart the VPN client, then open a ticket." }
  - { id: laptop, question: "My laptop is broken, how do I get it replaced?", answer: "Open a hardware ticket." }
  - { id: printer, question: "How do I install the office printer?", answer: "From the software portal, pick Printers." }
  - { id: badge, question: "I lost my building access badge", answer: "Tell reception to get a temporary badge." }
  - { id: canteen, question: "What are the canteen opening hours?", answer: "From 11:30 to 14:00." }
  - { id: parking, question: "How do I get a parking space?", answer: "Ask facilities." }
  - { id: training, question: "How do I sign up for a training course?", answer: "In the intranet's training catalogue." }
  - { id: mutual, question: "How do I add my child to the health insurance?", answer: "Send the birth certificate to the insurer." }
  - { id: address, question: "I am moving house, who should I tell?", answer: "Update it in the HR tool." }
  - { id: resignation, question: "What is the notice period if I resign?", answer: "One to three months depending on your grade." }
  - { id: meal-vouchers, question: "How do meal vouchers work?", answer: "A card topped up every month." }
  - { id: overtime, question: "How do I report overtime hours?", answer: "On the timesheet, approved by your manager." }
`;

// Paraphrases a colleague would type, each clearly about one entry (none is a copy of its question).
const COVERED = {
  fr: [
    ['je voudrais poser des congés la semaine prochaine', 'leave-request'],
    ['il me reste combien de jours de congés payés ?', 'leave-balance'],
    ['mon bulletin de salaire de mars, je le trouve où ?', 'payslip'],
    ['rembourser mes frais de déplacement, note de frais', 'expenses'],
    ['mot de passe windows oublié', 'password'],
    ['impossible de me connecter au VPN de chez moi', 'vpn'],
    ["j'ai perdu mon badge", 'badge'],
    ['la cantine ouvre à quelle heure ?', 'canteen'],
  ],
  en: [
    ['I would like to request some days off next week', 'leave-request'],
    ['how much paid leave balance do I have left?', 'leave-balance'],
    ['where can I find my March payslip?', 'payslip'],
    ['getting my travel expense claim reimbursed', 'expenses'],
    ['forgot my windows password', 'password'],
    ['VPN will not connect at home', 'vpn'],
    ['lost my access badge', 'badge'],
    ['when does the canteen open?', 'canteen'],
  ],
} as const;

const OUT_OF_SCOPE = {
  fr: [
    'quel temps fera-t-il demain à Lyon ?',
    'recette de la tarte aux pommes',
    'qui a gagné le match hier soir ?',
  ],
  en: [
    'what will the weather be tomorrow in Leeds?',
    'apple pie recipe',
    'who won the football match last night?',
  ],
} as const;

describe('self-calibration on a KB of questions only', () => {
  let faq: Faq;
  beforeAll(() => {
    faq = Faq.build(
      buildKnowledgeBase([
        { file: 'fr.yaml', text: FR },
        { file: 'en.yaml', text: EN },
      ]),
    );
  });

  it.each(['fr', 'en'] as const)('%s: calibrates itself with answerable samples', (locale) => {
    const info = faq.info.find((i) => i.locale === locale)!;
    expect(info.calibration.source).toBe('self-calibration');
    expect(info.calibration.samples.inScope).toBeGreaterThan(0);
    expect(info.calibration.samples.outOfScope).toBeGreaterThan(0);
  });

  it.each(['fr', 'en'] as const)(
    '%s: answers most questions it clearly covers, never wrongly',
    async (locale) => {
      const decisions: Array<[Decision, string]> = [];
      for (const [text, id] of COVERED[locale]) decisions.push([await faq.match(text, { locale }), id]);
      const answered = decisions.filter(([d]) => d.decision === 'answer');
      const right = answered.filter(([d, id]) => d.decision === 'answer' && d.entry.id === id);
      expect(right.length).toBe(answered.length);
      expect(right.length).toBeGreaterThanOrEqual(COVERED[locale].length / 2);
    },
  );

  it.each(['fr', 'en'] as const)('%s: still hands unrelated questions to a person', async (locale) => {
    for (const text of OUT_OF_SCOPE[locale])
      expect((await faq.match(text, { locale })).decision).not.toBe('answer');
  });
});
