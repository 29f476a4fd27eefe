/**
 * Where the bot may send Bot Framework replies. With app credentials every activity is
 * authenticated (botbuilder checks the token's serviceurl claim), so its serviceUrl is the
 * channel's. In anonymous mode anyone can name one: only loopback and the configured origins
 * (BOT_SERVICE_URL_ALLOWLIST) are called. The check is on the parsed URL — protocol, host and
 * port — never on the text, which `http://127.0.0.1.evil.example` would pass.
 */
export type ServiceUrlCheck = (serviceUrl: string) => boolean;

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function serviceUrlCheck(options: {
  readonly authenticated: boolean;
  /** Origins (`https://host:port`) as `URL.origin` writes them. */
  readonly allowedOrigins: readonly string[];
}): ServiceUrlCheck {
  if (options.authenticated) return () => true;
  const allowed = new Set(options.allowedOrigins);
  return (serviceUrl) => {
    const url = parseHttpUrl(serviceUrl);
    if (!url) return false;
    return isLoopback(url.hostname) || allowed.has(url.origin);
  };
}

/** An http(s) URL without user info; undefined for anything else. */
export function parseHttpUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // `http://127.0.0.1@evil.example` goes to evil.example: user info has no place in a serviceUrl.
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

/** WHATWG URL has already normalised the host (`0x7f.1` → `127.0.0.1`, `[::0:1]` → `[::1]`). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || IPV4_LOOPBACK.test(hostname);
}
