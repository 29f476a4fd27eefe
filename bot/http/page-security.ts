import { WidgetOrigins } from '../widget/widget-origins';

/**
 * The security headers of the pages Relais serves. The agent console and the dashboard are never
 * framed (clickjacking an agent or a supervisor); the chat page only by Relais itself and the
 * sites listed in WIDGET_ORIGINS, the pages that embed the chat.
 */

/** For the console and the dashboard: their CSP plus "never in a frame", in both headers browsers read. */
export function unframedPage(policy: string): Record<string, string> {
  return {
    'content-security-policy': `${policy}; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
  };
}

/**
 * For the chat page and its files. Web Chat renders Markdown: images may come only from Relais
 * itself (and data:/blob: for uploads' previews), so a message can never make the browser call
 * another host. Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only.
 */
export function chatPage(widgetOrigins: readonly string[]): Record<string, string> {
  // One source with the widget's CORS answers (bot/widget/widget-origins.ts).
  const embedders = new WidgetOrigins(widgetOrigins);
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' data: blob:",
      "font-src 'self' data:",
      // Web Chat reads a file the customer picked (a blob: URL) before uploading it.
      "connect-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${embedders.frameAncestors()}`,
    ].join('; '),
    // X-Frame-Options cannot name other sites: only when no widget site is allowed.
    ...(embedders.onlySelf ? { 'x-frame-options': 'SAMEORIGIN' } : {}),
    'x-content-type-options': 'nosniff',
  };
}
