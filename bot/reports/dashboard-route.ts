import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors';

/** Chart.js's browser build, from the installed package: served by us, never from a CDN. */
function chartJsFile(): string | undefined {
  try {
    // The package's main entry is dist/chart.cjs; the UMD build sits next to it.
    return join(dirname(require.resolve('chart.js')), 'chart.umd.js');
  } catch {
    return undefined;
  }
}

const JS = 'text/javascript; charset=utf-8';

/** The supervisor's dashboard: its page, script and style from web/, and Chart.js. */
export function registerDashboard(server: Server, webRoot: string | undefined): void {
  const files: Record<string, { path: string | undefined; type: string }> = {
    '/dashboard': { path: webRoot && join(webRoot, 'dashboard.html'), type: 'text/html; charset=utf-8' },
    '/dashboard.js': { path: webRoot && join(webRoot, 'dashboard.js'), type: JS },
    '/dashboard.css': { path: webRoot && join(webRoot, 'dashboard.css'), type: 'text/css; charset=utf-8' },
    '/vendor/chart.umd.js': { path: chartJsFile(), type: JS },
  };
  const serve = async (req: Request, res: Response): Promise<void> => {
    const file = files[req.path()];
    if (!file?.path) return sendError(res, 404, 'NotFound', 'no such page');
    let body: Buffer;
    try {
      body = await readFile(file.path);
    } catch {
      return sendError(res, 404, 'NotFound', `${req.path()} is missing (npm install)`);
    }
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      // The dashboard runs only its own scripts and talks only to this server.
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    });
    res.end(body);
  };
  for (const path of Object.keys(files)) server.get(path, serve);
}
