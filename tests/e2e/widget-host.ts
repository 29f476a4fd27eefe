import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Rules a customer's stylesheet could hold that would break a widget living in the page's own DOM:
 * everything unset, every div/button/iframe hidden, huge fonts, the widget's element itself pushed away.
 * (A transform on <html> or <body> itself would move any fixed element of the page, ours too: not here.)
 */
export const HOSTILE_CSS = `
* { all: unset !important; }
html, body { font-size: 64px !important; line-height: 4 !important; font-family: serif !important; color: red !important; }
div, button, iframe, section, p, span { display: none !important; }
* { z-index: 0 !important; box-sizing: content-box !important; }
h1, div, main { transform: rotate(3deg) !important; }
relais-widget { display: none !important; position: absolute !important; left: -9999px !important;
  opacity: 0 !important; visibility: hidden !important; transform: scale(0) !important; }
body::after { content: "host page"; }
`;

export interface HostSite {
  /** http://localhost:<port>: another origin than Relais' 127.0.0.1. */
  readonly origin: string;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A customer's site: any path is a page with the hostile stylesheet and the widget's one script tag.
 * Query parameters become the tag's data attributes (?data-position=bottom-left); ?lang= sets <html lang>;
 * ?frame=<url> adds an iframe of that URL (may this site frame a Relais page?).
 */
export async function startHostSite(relais: () => string): Promise<HostSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const attributes = [...url.searchParams]
      .filter(([name]) => name.startsWith('data-'))
      .map(([name, value]) => ` ${name}="${escape(value)}"`)
      .join('');
    const frame = url.searchParams.get('frame');
    const html = `<!doctype html>
<html lang="${escape(url.searchParams.get('lang') ?? 'fr')}">
<head><meta charset="utf-8"><title>Host ${escape(url.pathname)}</title><style>${HOSTILE_CSS}</style></head>
<body>
<h1>Un site client</h1>
<div class="content">Du contenu</div>
${frame ? `<iframe id="probe" src="${escape(frame)}" style="all: initial; display: block !important; width: 300px; height: 200px"></iframe>` : ''}
<script src="${relais()}/widget.js"${attributes}></script>
</body>
</html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
