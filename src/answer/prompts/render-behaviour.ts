/**
 * The behaviour layer of a prompt: what the model must do, in words that stay the same from question to question so
 * that providers can cache them.
 */
export interface BehaviourLayer {
  /** The rules, e.g. {@link defaultBehaviour}'s. */
  readonly instructions: string;
  /** How the answer should sound, e.g. `Neutral and direct.`; left out when absent. */
  readonly tone?: string;
  /** Shape of the answer, e.g. `Plain text, no headings.`; left out when absent. */
  readonly outputFormat?: string;
}

/**
 * The system message text of a behaviour layer: the instructions, then `Tone: ...` and `Output format: ...` when given,
 * separated by blank lines. A pure function of its input (no dates, ids or whitespace drift), so equal settings give
 * byte-identical text and the provider's prompt cache keeps hitting.
 *
 * @example
 * renderBehaviour({ instructions: 'Answer from the sources.', tone: 'Friendly.' });
 * // 'Answer from the sources.\n\nTone: Friendly.'
 */
export function renderBehaviour(behaviour: BehaviourLayer): string {
  const parts = [behaviour.instructions.trim()];
  if (behaviour.tone !== undefined && behaviour.tone.trim() !== '') parts.push(`Tone: ${behaviour.tone.trim()}`);
  if (behaviour.outputFormat !== undefined && behaviour.outputFormat.trim() !== '') {
    parts.push(`Output format: ${behaviour.outputFormat.trim()}`);
  }
  return parts.join('\n\n');
}
