import type { SurveyText } from './types';

export const fr: SurveyText = Object.freeze<SurveyText>({
  cesQuestion: "À quel point était-ce facile d'obtenir une résolution à votre problème ?",
  cesChoices: [
    { value: 1, label: 'Très facile' },
    { value: 2, label: 'Facile' },
    { value: 3, label: 'Ni facile ni compliqué' },
    { value: 4, label: 'Un peu compliqué' },
    { value: 5, label: 'Très compliqué' },
  ],
  answeredQuestion: 'Avons-nous répondu à votre question ?',
  yes: 'Oui',
  no: 'Non',
  csatQuestion: 'Êtes-vous satisfait du service Client ?',
  csatChoices: [
    { value: 1, label: 'Pas du tout satisfait' },
    { value: 2, label: 'Peu satisfait' },
    { value: 3, label: 'Moyennement satisfait' },
    { value: 4, label: 'Satisfait' },
    { value: 5, label: 'Très satisfait' },
  ],
  npsQuestion:
    "Quelle est la probabilité que vous recommandiez Mon aide à l'heure à un proche ? De 0 (pas du tout probable) à 10 (très probable).",
  npsRetry: 'Répondez par un chiffre de 0 (pas du tout probable) à 10 (très probable), ou « passer ».',
  commentPrompt:
    'Avez-vous des commentaires concernant le service Client ? Écrivez-les ici, ou répondez « passer ».',
  skip: 'Passer',
  cesRetry: 'Répondez par un chiffre de 1 (très facile) à 5 (très compliqué), ou « passer ».',
  csatRetry: 'Répondez par un chiffre de 1 (pas du tout satisfait) à 5 (très satisfait), ou « passer ».',
  thanks: 'Merci pour votre retour ! Bonne journée.',
});
