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
  '/agent.js': { file: 'agent.js', type: 'text/javascript; charset=utf-8' },
  '/agent.css': { file: 'agent.css', type: 'text/css; charset=utf-8' },
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
