import type { SurveyText } from './types';

export const en: SurveyText = Object.freeze<SurveyText>({
  cesQuestion: 'How easy was it to get your problem resolved?',
  cesChoices: [
    { value: 1, label: 'Very easy' },
    { value: 2, label: 'Easy' },
    { value: 3, label: 'Neither easy nor difficult' },
    { value: 4, label: 'Somewhat difficult' },
    { value: 5, label: 'Very difficult' },
  ],
  answeredQuestion: 'Did we answer your question?',
  yes: 'Yes',
  no: 'No',
  csatQuestion: 'Are you satisfied with Customer Service?',
  csatChoices: [
    { value: 1, label: 'Not at all satisfied' },
    { value: 2, label: 'Not very satisfied' },
    { value: 3, label: 'Somewhat satisfied' },
    { value: 4, label: 'Satisfied' },
    { value: 5, label: 'Very satisfied' },
  ],
  npsQuestion:
    "How likely are you to recommend Mon aide à l'heure to a friend or relative? From 0 (not at all likely) to 10 (extremely likely).",
  npsRetry: 'Please answer with a number from 0 (not at all likely) to 10 (extremely likely), or "skip".',
  commentPrompt: 'Any comments about Customer Service? Type them here, or reply "skip".',
  skip: 'Skip',
  cesRetry: 'Please answer with a number from 1 (very easy) to 5 (very difficult), or "skip".',
  csatRetry: 'Please answer with a number from 1 (not at all satisfied) to 5 (very satisfied), or "skip".',
  thanks: 'Thank you for your feedback! Have a nice day.',
});
