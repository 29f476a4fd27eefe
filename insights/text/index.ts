import type { Locale } from '../../knowledge-base/index';
import { en } from './en';
import { fr } from './fr';
import type { SurveyText } from './types';

const TEXTS: Readonly<Record<Locale, SurveyText>> = Object.freeze({ fr, en });

/** The survey's sentences in the conversation's language. */
export function surveyText(locale: Locale): SurveyText {
  return TEXTS[locale];
}

export type { SurveyChoice, SurveyText } from './types';
