/**
 * Web Chat renders message text as Markdown, so `![x](https://tracker.example/p.gif)` in a KB
 * answer or an agent's reply would make every customer's browser fetch that URL (a tracking
 * pixel, or the customer's IP to a stranger). Escaping the "!" turns any image syntax (inline,
 * reference or shortcut) into a plain link the customer may choose to open; the chat page's CSP
 * (img-src 'self') blocks what escapes this, such as raw HTML.
 */
export function withoutMarkdownImages(text: string): string {
  return text.replace(/(^|[^\\])!(?=\[)/g, '$1\\!');
}
