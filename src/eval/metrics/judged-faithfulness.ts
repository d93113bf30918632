import type { ChatModel } from '../../core/chat-model.js';

/** Claim-level faithfulness of one answer as judged by a model. */
export interface JudgedFaithfulness {
  /** Atomic claims the judge found in the answer. */
  readonly claims: number;
  readonly supported: number;
  /** supported / claims; null when there is nothing to judge (empty answer, abstention, no claims). */
  readonly score: number | null;
}

const decomposeInstructions =
  'Break the ANSWER into short, self-contained factual claims, one per line, with no numbering and nothing else. ' +
  'Leave out citation markers like [1]. If the answer makes no factual claim, reply with NONE.';
const verifyInstructions =
  'You check claims against CONTEXT only, never outside knowledge. For each numbered CLAIM reply with one line ' +
  '"<number>: yes" if the context supports it, otherwise "<number>: no".';

/**
 * Faithfulness as RAGAS defines it: the answer is decomposed into atomic claims, each claim is checked against the
 * retrieved context, and the score is the share of claims the context supports. Two judge requests per answer; the
 * instructions are the stable, cacheable prefix. An empty answer or an abstention scores `null` (not counted), so
 * refusing never raises faithfulness; a claim the judge does not answer for counts as unsupported.
 *
 * @example
 * const { score } = await judgedFaithfulness(answer.answer, retrievedTexts.join('\n\n'), judgeModel);
 */
export async function judgedFaithfulness(answer: string, context: string, judge: ChatModel): Promise<JudgedFaithfulness> {
  const text = answer.replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, '').trim();
  if (text === '') return { claims: 0, supported: 0, score: null };
  const decomposed = await judge.doGenerate({
    messages: [
      { role: 'system', content: decomposeInstructions, cacheBreakpoint: true },
      { role: 'user', content: `ANSWER:\n${text}` },
    ],
    temperature: 0,
    maxOutputTokens: 400,
  });
  const claims = decomposed.text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '' && line.toUpperCase() !== 'NONE');
  if (claims.length === 0) return { claims: 0, supported: 0, score: null };
  const verdicts = await judge.doGenerate({
    messages: [
      { role: 'system', content: verifyInstructions, cacheBreakpoint: true },
      { role: 'user', content: `CONTEXT:\n${context}\n\nCLAIMS:\n${claims.map((claim, index) => `${index + 1}. ${claim}`).join('\n')}` },
    ],
    temperature: 0,
    maxOutputTokens: 10 * claims.length + 20,
  });
  const supportedClaims = new Set<number>();
  for (const match of verdicts.text.matchAll(/^\s*(\d+)\s*[:.)-]\s*(yes|no)\b/gim)) {
    const index = Number(match[1]);
    if ((match[2] ?? '').toLowerCase() === 'yes' && index >= 1 && index <= claims.length) supportedClaims.add(index);
  }
  return { claims: claims.length, supported: supportedClaims.size, score: supportedClaims.size / claims.length };
}
