import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response } from 'restify';
import { sendError } from './errors';
import { chatPage, unframedPage } from './page-security';

const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * Which headers a file is served with: the chat page's (framed by the widget sites), or an
 * agent page's (the console's rule: its own scripts only, never framed).
 */
type Page = 'chat' | 'agent';

/** The agents' history page (web/history.html) and its modules, each named: nothing else of web/history/. */
const HISTORY_MODULES = [
  'main.js',
  'api.js',
  'dom.js',
  'filters.js',
  'format.js',
  'list.js',
  'transcript.js',
  'texts.js',
  'types.js',
  'texts/fr.js',
  'texts/en.js',
];

/** Every file served from web/ by this route, by URL: nothing else under web/ is reachable. */
const FILES: Record<string, { file: string; type: string; page: Page }> = {
  '/': { file: 'index.html', type: HTML, page: 'chat' },
  '/chat.js': { file: 'chat.js', type: JS, page: 'chat' },
  '/chat-people.js': { file: 'chat-people.js', type: JS, page: 'chat' },
  '/chat.css': { file: 'chat.css', type: CSS, page: 'chat' },
  '/vendor/webchat.js': { file: 'vendor/webchat.js', type: JS, page: 'chat' },
  '/agent/history': { file: 'history.html', type: HTML, page: 'agent' },
  '/agent/history/history.css': { file: 'history/history.css', type: CSS, page: 'agent' },
  ...Object.fromEntries(
    HISTORY_MODULES.map((m) => [`/agent/history/${m}`, { file: `history/${m}`, type: JS, page: 'agent' }]),
  ),
};

/** The agent console's policy (bot/agent/console-route.ts): injected markup could not run anything. */
const AGENT_PAGE = unframedPage("default-src 'self'; connect-src 'self'; style-src 'self'");

export const STATIC_PATHS = Object.keys(FILES);

/** web/ from the sources (bot/http) or from the build (dist/bot/http). */
export function findWebRoot(): string | undefined {
  return [join(__dirname, '..', '..', 'web'), join(__dirname, '..', '..', '..', 'web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

export function staticRoute(webRoot: string | undefined, widgetOrigins: readonly string[] = []) {
  const security: Record<Page, Record<string, string>> = { chat: chatPage(widgetOrigins), agent: AGENT_PAGE };
  return async (req: Request, res: Response): Promise<void> => {
    const entry = FILES[req.path()];
    if (!entry || !webRoot) return sendError(res, 404, 'NotFound', 'no such page');
    let body: Buffer;
    try {
      body = await readFile(join(webRoot, entry.file));
    } catch {
      const hint = entry.file.startsWith('vendor/')
        ? ': run `node scripts/fetch-webchat.js` (npm install does it)'
        : '';
      return sendError(res, 404, 'NotFound', `${entry.file} is missing${hint}`);
    }
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...security[entry.page],
    });
    res.end(body);
  };
}
