import type { Locale } from '../../knowledge-base/index';
import type { HelpEntry } from './catalogue';
import { HELP_ASSETS, HELP_ROOTS } from './languages';

/** What the browser modules read from the page (web/help/main.js, `HelpData`). */
export interface HelpPageData {
  readonly lang: Locale;
  readonly root: string;
  readonly entries: readonly HelpEntry[];
  /** The entry of an entry page (/aide/<id>); absent on the index. */
  readonly entryId?: string;
}

/** JSON inside <script type="application/json">: "<" escaped so no text closes the element. */
const embedded = (data: HelpPageData): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The page shell: every word shown comes from web/help/texts/<lang>.js, every entry from the
 * embedded data (the KB in service when the page was asked for). The JSON block is data, not a
 * script: the CSP's script-src 'self' does not run it.
 */
export function helpPage(lang: Locale, entries: readonly HelpEntry[], entryId?: string): string {
  const data: HelpPageData = { lang, root: HELP_ROOTS[lang], entries, ...(entryId ? { entryId } : {}) };
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mon aide à l'heure</title>
    <link rel="stylesheet" href="${HELP_ASSETS}/help.css" />
  </head>
  <body>
    <div id="help" class="help"></div>
    <script id="help-data" type="application/json">${embedded(data)}</script>
    <script type="module" src="${HELP_ASSETS}/main.js"></script>
  </body>
</html>
`;
}
