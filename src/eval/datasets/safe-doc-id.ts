/**
 * A document id made from a title and a position, safe to show in a terminal, pass on a command line and put in a
 * URL path segment: every run of characters other than letters, digits and `_ . - ( ) ,` becomes `_`.
 *
 * @example
 * safeDocId('French and Indian War', 3); // 'French_and_Indian_War#3'
 * safeDocId('AC/DC "Live"', 0);          // 'AC_DC_Live_#0'
 */
export function safeDocId(title: string, index: number): string {
  const safe = title.trim().replace(/[^\p{L}\p{N}_.\-(),]+/gu, '_');
  return `${safe === '' ? 'untitled' : safe}#${index}`;
}
