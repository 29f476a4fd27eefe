import type { Locale } from '../../knowledge-base/index';
import { en } from './en';
import { fr } from './fr';
import type { BotText } from './types';

export type { BotText } from './types';

const TEXTS: Record<Locale, BotText> = { fr, en };

export function textFor(locale: Locale): BotText {
  return TEXTS[locale];
}
