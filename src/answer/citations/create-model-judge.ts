import type { ChatModel, ChatUsage } from '../../core/chat-model.js';

const judgeInstructions =
  'You check citations. Given EVIDENCE and a CLAIM, answer with one word: "yes" if the evidence supports every ' +
  'part of the claim, otherwise "no". Do not use outside knowledge.';

/**
 * An entailment judge for `verifyCitations` backed by a chat model: one short yes/no request per cited claim,
 * whose tokens are reported through `onUsage` (they cost money too).
 * The instructions come first and never change, so provider prompt caches hit across claims.
 *
 * @example
 * const verification = await verifyCitations(answer, sources, { judge: createModelJudge(model) });
 */
export function createModelJudge(
  model: ChatModel,
  options: { signal?: AbortSignal; onUsage?: (usage: ChatUsage) => void } = {},
): (claim: string, evidence: string) => Promise<boolean> {
  return async (claim, evidence) => {
    const reply = await model.doGenerate({
      messages: [
        { role: 'system', content: judgeInstructions, cacheBreakpoint: true },
        { role: 'user', content: `EVIDENCE:\n${evidence}\n\nCLAIM:\n${claim}\n\nDoes the evidence support the claim? Answer yes or no.` },
      ],
      maxOutputTokens: 3,
      temperature: 0,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    options.onUsage?.(reply.usage);
    return /^\W*yes\b/i.test(reply.text);
  };
}
