import type { Locale } from '../../knowledge-base/index';

/** The help center's address in each language: /aide in French, /help in English. */
export const HELP_ROOTS: Readonly<Record<Locale, string>> = { fr: '/aide', en: '/help' };

/** The served files of the pages (web/help/), under one prefix apart from the entries' URLs. */
export const HELP_ASSETS = '/help-center';
