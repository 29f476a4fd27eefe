import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Request, Response } from 'restify';
import { sendError } from '../http/errors';
import { HELP_ASSETS } from './languages';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** The help center's browser modules (web/help/), each named: nothing else under web/ is reachable. */
const MODULES = [
  'main.js',
  'catalogue-view.js',
  'entry-view.js',
  'search.js',
  'search-box.js',
  'normalize.js',
  'stopwords.js',
  'embed.js',
  'api.js',
  'chat-link.js',
  'dom.js',
  'texts.js',
  'texts/fr.js',
  'texts/en.js',
];

/**
 * fuse.js's own browser ES module, from node_modules (its package ships `dist/fuse.min.mjs`,
 * no dependency): the search runs in the page, over the entries' questions.
 */
function fuseModule(): string {
  return join(dirname(require.resolve('fuse.js')), 'fuse.min.mjs');
}

export interface HelpFile {
  readonly path: string;
  readonly file: string;
  readonly type: string;
}

/** Every file the help pages load, by URL. */
export function helpFiles(webRoot: string | undefined): HelpFile[] {
  const web = webRoot ?? '';
  return [
    ...MODULES.map((m) => ({ path: `${HELP_ASSETS}/${m}`, file: join(web, 'help', m), type: JS })),
    { path: `${HELP_ASSETS}/help.css`, file: join(web, 'help', 'help.css'), type: CSS },
    { path: `${HELP_ASSETS}/vendor/fuse.mjs`, file: fuseModule(), type: JS },
  ];
}

/** Serves one of those files with the pages' headers. */
export function fileRoute(file: HelpFile, headers: Record<string, string>) {
  return async (_req: Request, res: Response): Promise<void> => {
    let body: Buffer;
    try {
      body = await readFile(file.file);
    } catch {
      return sendError(res, 404, 'NotFound', 'no such file');
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...headers,
    });
    res.end(body);
  };
}
