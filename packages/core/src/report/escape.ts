/** HTML escaping for the report: every piece of user text (names, sectors, event titles) goes through here. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Controls other than tab and line breaks have no business in a report and are not valid in XML (inline SVG).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** Escape text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text == null) return '';
  return String(text).replace(CONTROL, '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
