/** Text made safe inside HTML or SVG markup (element content and quoted attributes). */
export function escapeMarkup(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
