import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response } from 'restify';
import { sendError } from './errors';
import { chatPage } from './page-security';

/** The only files the chat page needs, by URL: nothing else under web/ is reachable. */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/chat.js': { file: 'chat.js', type: 'text/javascript; charset=utf-8' },
  '/chat-people.js': { file: 'chat-people.js', type: 'text/javascript; charset=utf-8' },
  '/chat.css': { file: 'chat.css', type: 'text/css; charset=utf-8' },
  '/vendor/webchat.js': { file: 'vendor/webchat.js', type: 'text/javascript; charset=utf-8' },
};

export const STATIC_PATHS = Object.keys(FILES);

/** web/ from the sources (bot/http) or from the build (dist/bot/http). */
export function findWebRoot(): string | undefined {
  return [join(__dirname, '..', '..', 'web'), join(__dirname, '..', '..', '..', 'web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

export function staticRoute(webRoot: string | undefined, widgetOrigins: readonly string[] = []) {
  const security = chatPage(widgetOrigins);
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
      ...security,
    });
    res.end(body);
  };
}
