import type { Server } from 'restify';
import { findWebRoot } from '../http/static-route';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response } from 'restify';
import { sendError } from '../http/errors';
import { unframedPage } from '../http/page-security';

/** The agent console's own files; nothing else under web/ is reachable through these routes. */
const FILES: Record<string, { file: string; type: string }> = {
  '/agent': { file: 'agent.html', type: 'text/html; charset=utf-8' },
  '/agent.css': { file: 'agent.css', type: 'text/css; charset=utf-8' },
  // The console's ES modules (web/agent/), each listed: nothing else under web/ is served.
  '/agent/main.js': { file: 'agent/main.js', type: 'text/javascript; charset=utf-8' },
  '/agent/api.js': { file: 'agent/api.js', type: 'text/javascript; charset=utf-8' },
  '/agent/alerts.js': { file: 'agent/alerts.js', type: 'text/javascript; charset=utf-8' },
  '/agent/composer.js': { file: 'agent/composer.js', type: 'text/javascript; charset=utf-8' },
  '/agent/conversation-view.js': {
    file: 'agent/conversation-view.js',
    type: 'text/javascript; charset=utf-8',
  },
  '/agent/dom.js': { file: 'agent/dom.js', type: 'text/javascript; charset=utf-8' },
  '/agent/events.js': { file: 'agent/events.js', type: 'text/javascript; charset=utf-8' },
  '/agent/i18n.js': { file: 'agent/i18n.js', type: 'text/javascript; charset=utf-8' },
  '/agent/notes.js': { file: 'agent/notes.js', type: 'text/javascript; charset=utf-8' },
  '/agent/profile-panel.js': { file: 'agent/profile-panel.js', type: 'text/javascript; charset=utf-8' },
  '/agent/queue-list.js': { file: 'agent/queue-list.js', type: 'text/javascript; charset=utf-8' },
  '/agent/state.js': { file: 'agent/state.js', type: 'text/javascript; charset=utf-8' },
  '/agent/transfer.js': { file: 'agent/transfer.js', type: 'text/javascript; charset=utf-8' },
  '/agent/types.js': { file: 'agent/types.js', type: 'text/javascript; charset=utf-8' },
  '/agent/texts/fr.js': { file: 'agent/texts/fr.js', type: 'text/javascript; charset=utf-8' },
  '/agent/texts/en.js': { file: 'agent/texts/en.js', type: 'text/javascript; charset=utf-8' },
};

export function registerConsole(server: Server): void {
  const webRoot = findWebRoot();
  const serve = async (req: Request, res: Response): Promise<void> => {
    const entry = FILES[req.path()];
    if (!entry || !webRoot) return sendError(res, 404, 'NotFound', 'no such page');
    let body: Buffer;
    try {
      body = await readFile(join(webRoot, entry.file));
    } catch {
      return sendError(res, 404, 'NotFound', `${entry.file} is missing`);
    }
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      // The console runs only its own script: injected markup could not run anything.
      ...unframedPage("default-src 'self'; connect-src 'self'; style-src 'self'"),
    });
    res.end(body);
  };
  for (const path of Object.keys(FILES)) server.get(path, serve);
}
