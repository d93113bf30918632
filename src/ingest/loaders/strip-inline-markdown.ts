/** A code span: a run of backticks, content, and a closing run of the same length. */
const CODE_SPAN = /(`+)(.*?[^`])\1(?!`)/g;

/**
 * Plain text of one line of inline Markdown, as a heading title should read: links and images become their
 * text, code spans their content, emphasis markers, HTML tags and backslash escapes are removed, and runs of
 * whitespace become one space. Code span content is kept verbatim.
 *
 * @example
 * stripInlineMarkdown('Using **`grounded ask`** with [flags](#flags)'); // 'Using grounded ask with flags'
 */
export function stripInlineMarkdown(line: string): string {
  // Code spans are swapped for private-use placeholders so emphasis around them (`**`code`**`) still pairs
  // up while their content stays untouched.
  const codeSpans: string[] = [];
  const masked = line.replace(CODE_SPAN, (_match, _fence: string, content: string) => {
    codeSpans.push(trimCodeSpan(content));
    return `\uE000${codeSpans.length - 1}\uE001`;
  });
  return stripMarkup(masked)
    .replace(/\uE000(\d+)\uE001/g, (_match, index: string) => codeSpans[Number(index)] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimCodeSpan(content: string): string {
  // CommonMark strips one space on each side only when both are there and the span is not all spaces.
  return content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== ''
    ? content.slice(1, -1)
    : content;
}

function stripMarkup(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    // `_` only marks emphasis at word edges, so snake_case names stay intact.
    .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
