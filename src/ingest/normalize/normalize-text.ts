/**
 * Control characters (`Cc`: C0, DEL and C1) removed from every document, except tab and line feed.
 * Carriage returns are gone by the time this runs (they become line feeds first).
 */
const REMOVED_CONTROLS = /[^\P{Cc}\t\n]/gu;

/**
 * The one normalization every document goes through, once: `\r\n` and lone `\r` become `\n`, control
 * characters other than `\n` and `\t` are removed, and the result is put in Unicode NFC.
 *
 * Nothing else changes (no trimming, no whitespace folding), so verbatim quotes from the source still match.
 * Idempotent: `normalizeText(normalizeText(s)) === normalizeText(s)`.
 *
 * @example
 * normalizeText('Cafe\u0301\r\nline two'); // 'Café\nline two'
 */
export function normalizeText(text: string): string {
  // NFC last: removing a control character can bring a base letter next to a combining mark, which
  // NFC then composes; the other order would not be idempotent.
  return text.replace(/\r\n?/g, '\n').replace(REMOVED_CONTROLS, '').normalize('NFC');
}
