/**
 * The knowledge layer's text: `Sources:` then the numbered source texts separated by blank lines, or `Sources: none.`
 * when there are none (the behaviour then leads the model to abstain). Shared by the RAG and long-context prompts so
 * the model reads sources the same way in both.
 *
 * @example
 * renderKnowledge(['[1] a.md\nAlpha.', '[2] b.md\nBeta.']); // 'Sources:\n\n[1] a.md\nAlpha.\n\n[2] b.md\nBeta.'
 */
export function renderKnowledge(sourceTexts: readonly string[]): string {
  return sourceTexts.length === 0 ? 'Sources: none.' : `Sources:\n\n${sourceTexts.join('\n\n')}`;
}
