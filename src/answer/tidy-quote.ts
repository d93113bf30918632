/**
 * A verbatim quote made readable in an answer: template tags (`{% hint %}`), HTML tags (anchors, line breaks) and Markdown link targets dropped,
 * Markdown fences, heading hashes, list and quote markers, emphasis and code backticks removed, table pipes spaced,
 * white space collapsed. Citations keep the exact quote.
 *
 * @example
 * tidyQuote('- **Default:** `8420`'); // 'Default: 8420'
 */
export function tidyQuote(text: string): string {
  return text
    .replace(/\{%[^%\n]*%\}/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/^\s*(?:`{3,}|~{3,})[\w-]*\s*$/gm, '')
    .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s*\|\s*/g, ' | ')
    .replace(/\s+/g, ' ')
    .trim();
}
