import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors';
import { unframedPage } from '../http/page-security';
import { dashboardLanguage } from './dashboard-language';

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
    '/dashboard.fr.js': { path: webRoot && join(webRoot, 'dashboard.fr.js'), type: JS },
    '/dashboard.en.js': { path: webRoot && join(webRoot, 'dashboard.en.js'), type: JS },
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
    const headers: Record<string, string | number> = {};
    if (req.path() === '/dashboard') {
      // The page in the language asked for: its lang attribute and the script holding its texts.
      const language = dashboardLanguage(req.query?.lang, req.header('accept-language') || undefined);
      body = Buffer.from(
        body
          .toString('utf8')
          .replace('<html lang="fr">', `<html lang="${language}">`)
          .replace('src="/dashboard.fr.js"', `src="/dashboard.${language}.js"`),
      );
      headers.vary = 'Accept-Language';
      headers['content-language'] = language;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      // The dashboard runs only its own scripts and talks only to this server.
      ...unframedPage(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'",
      ),
    });
    res.end(body);
  };
  for (const path of Object.keys(files)) server.get(path, serve);
}
