const shortEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A name or message safe to print on one terminal line: control characters (a newline in a file name, an escape
 * sequence, a line separator) are shown escaped, the way JSON writes them, so they cannot break or forge lines of
 * output.
 *
 * @example
 * printable('a\nb.md'); // 'a\\nb.md'
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => {
    return shortEscapes[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
