/**
 * One line of `text` for the terminal: white space and control characters collapsed, cut to `max` characters with an ellipsis.
 *
 * @example
 * previewText('a\n\nlong   text', 8); // 'a lon...'
 */
export function previewText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
