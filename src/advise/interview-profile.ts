import { advisorProfileFields } from './advisor-profile-fields.js';
import { advisorProfileSchema, type AdvisorProfile } from './advisor-profile-schema.js';
import type { ProfileField } from './profile-field.js';

/** How the interview talks: `ask` shows a prompt and resolves with the answer line, or null at end of input. */
export interface InterviewIo {
  readonly ask: (prompt: string) => Promise<string | null>;
  readonly write: (text: string) => void;
}

/** Attempts per question before the default is kept. */
const attempts = 3;

/**
 * Asks every profile question in turn, showing its explanation and the default in brackets (the `start` profile's
 * value: a profile file's, else the schema default). An empty answer keeps the default; an invalid one is explained
 * and asked again (three times, then the default stays); end of input keeps the defaults of the rest. Returns the
 * resolved profile.
 *
 * @example
 * const profile = await interviewProfile(advisorProfileSchema.parse({}), { ask, write: (text) => process.stdout.write(text) });
 */
export async function interviewProfile(start: AdvisorProfile, io: InterviewIo): Promise<AdvisorProfile> {
  const answers: Record<string, unknown> = { ...start };
  io.write('Answer each question, or press Enter to keep the default in brackets.\n');
  for (const field of advisorProfileFields) {
    io.write(`\n${field.explanation}\n`);
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const line = await io.ask(`${field.question} [${shown(field, start[field.name])}] `);
      if (line === null) {
        io.write('\n(end of input: the remaining questions keep their defaults)\n');
        return advisorProfileSchema.parse(answers);
      }
      const text = line.trim();
      if (text === '') break;
      const parsed = readAnswer(field, text);
      if (parsed.ok) {
        if (parsed.value === undefined) delete answers[field.name];
        else answers[field.name] = parsed.value;
        break;
      }
      io.write(`  ${parsed.problem}${attempt === attempts ? '; keeping the default' : ''}\n`);
    }
  }
  return advisorProfileSchema.parse(answers);
}

function shown(field: ProfileField, value: unknown): string {
  if (value === undefined || value === null) return field.defaultText ?? 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  return field.choices === undefined ? text : `${text}; ${field.choices.join('/')}`;
}

type Answer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

function readAnswer(field: ProfileField, text: string): Answer {
  const candidate = convert(field, text);
  if (!candidate.ok) return candidate;
  if (candidate.value === undefined) return candidate;
  const result = advisorProfileSchema.shape[field.name].safeParse(candidate.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: result.error.issues[0]?.message ?? 'invalid answer' };
}

function convert(field: ProfileField, text: string): Answer {
  const lower = text.toLowerCase();
  switch (field.kind) {
    case 'choice': {
      const matches = (field.choices ?? []).filter((choice) => choice.startsWith(lower));
      const exact = (field.choices ?? []).find((choice) => choice === lower);
      const choice = exact ?? (matches.length === 1 ? matches[0] : undefined);
      return choice === undefined ? { ok: false, problem: `answer one of ${(field.choices ?? []).join(', ')}` } : { ok: true, value: choice };
    }
    case 'boolean':
      if (['y', 'yes', 'true', '1'].includes(lower)) return { ok: true, value: true };
      if (['n', 'no', 'false', '0'].includes(lower)) return { ok: true, value: false };
      return { ok: false, problem: 'answer yes or no' };
    case 'number':
    case 'integer':
    case 'optional-number': {
      if (field.kind === 'optional-number' && ['none', '-', 'measure', 'auto'].includes(lower)) {
        // Nullable fields store "none" as null; optional ones drop back to their measured default.
        return { ok: true, value: advisorProfileSchema.shape[field.name].safeParse(null).success ? null : undefined };
      }
      const value = Number(text.replace(/[_,]/g, ''));
      return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: 'answer a number' };
    }
    case 'list':
      return { ok: true, value: text.split(',').map((item) => item.trim()).filter((item) => item !== '') };
    case 'text':
      return { ok: true, value: text };
  }
}
