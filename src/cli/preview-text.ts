/**
 * One line of `text` for the terminal: white space collapsed, cut to `max` characters with an ellipsis.
 *
 * @example
 * previewText('a\n\nlong   text', 8); // 'a lon...'
 */
export function previewText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
