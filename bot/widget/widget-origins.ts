/**
 * Which sites may embed Relais (WIDGET_ORIGINS), in one place: the CORS answer of the widget
 * endpoints and the frame-ancestors of the embeddable pages (the chat, the help center) are both
 * read from here, so a site that may load the widget may also frame its pages, and no other can.
 */
export class WidgetOrigins {
  private readonly listed: ReadonlySet<string>;

  /** `origins` are already checked by the config (scheme, host, optional port; no path). */
  constructor(origins: readonly string[]) {
    this.listed = new Set(origins);
  }

  /** Whether a page of `origin` may use the widget (Relais' own origin `self` always may). */
  allows(origin: string | undefined, self?: string): boolean {
    if (origin === undefined) return false;
    return this.listed.has(origin) || (self !== undefined && origin === self);
  }

  /** The CSP source list of the pages the widget frames: Relais itself, then each listed site. */
  frameAncestors(): string {
    return ["'self'", ...this.listed].join(' ');
  }

  /** X-Frame-Options cannot name another site: it is sent only while none is listed. */
  get onlySelf(): boolean {
    return this.listed.size === 0;
  }

  /**
   * CORS response headers for a request from `origin`: the origin echoed when listed, nothing
   * otherwise (the browser then keeps the answer from the page). `Vary: Origin` either way, so a
   * cache never gives one site's answer to another.
   */
  corsHeaders(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.listed.has(origin)) return { vary: 'Origin' };
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  }
}
