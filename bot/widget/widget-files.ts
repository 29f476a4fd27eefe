import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors';
import { unframedPage } from '../http/page-security';

const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

interface ServedFile {
  readonly file: string;
  readonly type: string;
  readonly headers: Record<string, string>;
}

/** The widget script is loaded by other sites' pages (a script tag: no CORS), so it may be read cross-origin. */
const WIDGET_SCRIPT: ServedFile = {
  file: 'widget.js',
  type: JS,
  headers: { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin' },
};

/** The dashboard's invitations table runs under the dashboard's own policy (bot/reports/dashboard-route.ts). */
const DASHBOARD_PART: ServedFile = {
  file: 'dashboard-invitations.js',
  type: JS,
  headers: unframedPage("default-src 'self'; script-src 'self'; connect-src 'self'"),
};

/**
 * The demo site of "Mon aide à l'heure": plain pages that load the widget with one script tag, as
 * a customer's site would. They frame the help center and the chat (frame-src 'self').
 */
const DEMO_POLICY = unframedPage(
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'",
);
const demoPage = (file: string): ServedFile => ({ file: `demo/${file}`, type: HTML, headers: DEMO_POLICY });
const DEMO_FILES: Record<string, ServedFile> = {
  '/demo/': demoPage('index.html'),
  '/demo/reservation': demoPage('reservation.html'),
  '/demo/tarifs': demoPage('tarifs.html'),
  '/demo/demo.css': { file: 'demo/demo.css', type: CSS, headers: DEMO_POLICY },
};

/** Anyone may fetch these static files; the demo pages exist only outside production. */
export function registerWidgetFiles(server: Server, webRoot: string | undefined, production: boolean): void {
  const serve =
    (served: ServedFile) =>
    async (_req: Request, res: Response): Promise<void> => {
      if (!webRoot) return sendError(res, 404, 'NotFound', 'no such page');
      let body: Buffer;
      try {
        body = await readFile(join(webRoot, served.file));
      } catch {
        return sendError(res, 404, 'NotFound', `${served.file} is missing`);
      }
      res.writeHead(200, {
        'content-type': served.type,
        'content-length': body.length,
        'cache-control': 'no-cache',
        ...served.headers,
      });
      res.end(body);
    };
  server.get('/widget.js', serve(WIDGET_SCRIPT));
  server.get('/dashboard-invitations.js', serve(DASHBOARD_PART));
  if (production) return;
  for (const [path, served] of Object.entries(DEMO_FILES)) server.get(path, serve(served));
  server.get('/demo', async (_req: Request, res: Response) => {
    res.writeHead(302, { location: '/demo/' });
    res.end();
  });
}
