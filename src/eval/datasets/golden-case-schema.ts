import { z } from 'zod';

const nonBlank = z.string().refine((value) => value.trim() !== '', { message: 'must not be blank' });

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

const checkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('max_words'), value: z.number().int().positive() }),
  z.object({ type: z.literal('must_include'), value: nonBlank }),
  z.object({ type: z.literal('must_not_include'), value: nonBlank }),
  z.object({ type: z.literal('regex'), value: z.string().refine(compiles, { message: 'is not a valid regular expression' }) }),
  z.object({ type: z.literal('language'), value: nonBlank }),
]);

/**
 * The shape of one golden-set line (docs/golden-set.md): field types, `kind` values and check shapes.
 * Rules that relate fields (an `unanswerable` case has no answers) are checked by `readGoldenSet`, which reports them
 * with better messages. Unknown fields are dropped.
 *
 * @example
 * goldenCaseSchema.safeParse({ id: 'q1', question: 'Why?', answers: [], sources: [], kind: 'unanswerable' }).success; // true
 */
export const goldenCaseSchema = z.object({
  id: nonBlank,
  question: nonBlank,
  answers: z.array(nonBlank),
  sources: z.array(z.object({ doc: nonBlank, quote: nonBlank.optional() })),
  kind: z.enum(['answerable', 'synthesis', 'unanswerable']),
  tags: z.array(z.string()).optional(),
  checks: z.array(checkSchema).optional(),
});
