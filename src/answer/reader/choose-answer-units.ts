import type { ScoredChunk } from '../../core/document.js';
import type { Analyzer } from '../../core/lexical-index.js';
import type { QuestionTerms } from '../answerability/question-terms.js';
import { expectedValueKinds } from './expected-value-kinds.js';
import { readPassageUnits, type PassageUnit } from './read-passage-units.js';
import { valueKindsIn } from './value-kinds-in.js';

/** A unit chosen to answer, with the passage it came from. */
export interface AnswerUnit extends PassageUnit {
  readonly passage: ScoredChunk;
  readonly score: number;
  /** True when the unit holds a value of the kind the question asks for. */
  readonly typed: boolean;
  /** Analyzed terms of the unit (for coverage). */
  readonly terms: ReadonlySet<string>;
}

/** Settings of {@link chooseAnswerUnits}. */
export interface ChooseAnswerUnitsOptions {
  readonly analyzer: Analyzer;
  /** Most units quoted; default 3. */
  readonly maxUnits?: number;
  /**
   * Prefer units holding the kind of value asked for, or a value the question lacks (default true). Off, units rank by
   * how much of the question they cover alone: what the answerability signal `typedValueFound` reads, so it says
   * whether the unit that best matches the question holds the value, not whether the reader could find one somewhere.
   */
  readonly preferValues?: boolean;
}

/** How much a unit holding the kind of value asked for gains, relative to its term coverage. */
const typedBonus = 0.7;
/**
 * How much a unit gains when it holds a value the question does not already contain (a code span, a number): a
 * sentence that only restates the question's words answers nothing.
 */
const newValueBonus = 0.3;
/** How much the unit just before, in the same passage, counts toward a unit's coverage ("One way to achieve that is ..."). */
const previousWeight = 0.5;
/** How much the chunk's title and heading path count toward a unit's coverage, relative to the unit's own words. */
const contextWeight = 0.5;
/** A unit holding the asked kind is quoted after an untyped best unit when it scores at least this share of it. */
const typedFallbackShare = 0.6;
/** A later unit must add this share of the question's weight to be quoted too. */
const minGain = 0.15;

/**
 * The reader: picks the units of the top passages that answer the question. Each unit (sentence, table row read under
 * its header, list item, `key: value` line, code block) scores the idf-weighted share of the question it covers (its
 * passage's title and headings, or the unit just before it, count half), times a rank prior, plus a bonus when it
 * holds the kind of value the question asks for (a duration for "how long", a port, a size, a flag...), a default when
 * defaults are asked about, and a value the question does not already contain (a code span, a number). Shorter units
 * win ties, so the shortest answering span comes first. When the best unit holds no value of the asked kind, the best
 * one that does follows it if it scores at least 0.6 of it. Later units are added only when they cover a real share of
 * what is still missing. A unit that announces the next one (ends with a colon) is quoted with it.
 *
 * @example
 * const units = chooseAnswerUnits(question, terms, passages, { analyzer });
 */
export function chooseAnswerUnits(
  question: string,
  terms: QuestionTerms,
  passages: readonly ScoredChunk[],
  options: ChooseAnswerUnitsOptions,
): AnswerUnit[] {
  if (terms.total === 0) return [];
  const expected = expectedValueKinds(question);
  const candidates = passages.flatMap((passage) => scoreUnits(question, passage, terms, expected, options.analyzer, options.preferValues !== false));
  candidates.sort((a, b) => b.score - a.score || a.text.length - b.text.length || a.start - b.start);
  const chosen: AnswerUnit[] = [];
  const covered = new Set<string>();
  const best = candidates[0];
  if (best === undefined || best.score === 0) return chosen;
  const add = (candidate: AnswerUnit): void => {
    chosen.push(candidate);
    for (const term of candidate.terms) covered.add(term);
  };
  add(best);
  // The best unit matches the question's words but holds no value of the kind asked for: the best unit that does is
  // quoted next, when it is a fair candidate in its own right.
  if (options.preferValues !== false && expected.kinds.length > 0 && !best.typed && chosen.length < (options.maxUnits ?? 3)) {
    const typed = candidates.find((candidate) => candidate.typed && !overlaps(best, candidate));
    if (typed !== undefined && typed.score >= best.score * typedFallbackShare) add(typed);
  }
  while (chosen.length < (options.maxUnits ?? 3)) {
    let next: AnswerUnit | undefined;
    let nextGain = 0;
    for (const candidate of candidates) {
      if (chosen.some((unit) => overlaps(unit, candidate))) continue;
      const gain = massOf(candidate.terms, terms, covered) / terms.total;
      if (gain > nextGain + 1e-9) {
        next = candidate;
        nextGain = gain;
      }
    }
    if (next === undefined || nextGain < minGain) break;
    add(next);
  }
  return chosen;
}

function scoreUnits(
  question: string,
  passage: ScoredChunk,
  terms: QuestionTerms,
  expected: ReturnType<typeof expectedValueKinds>,
  analyzer: Analyzer,
  preferValues: boolean,
): AnswerUnit[] {
  const { chunk } = passage;
  // Later passages count for less: the retriever's order is evidence too.
  const rankPrior = 1 / (1 + 0.15 * (passage.rank - 1));
  const context = new Set(analyzer.terms(`${chunk.title}\n${chunk.headingPath.join('\n')}`));
  const units = joinAnnouncements(readPassageUnits(chunk.text, chunk.start), chunk);
  const scored: AnswerUnit[] = [];
  const lowerQuestion = question.toLowerCase();
  let previous: ReadonlySet<string> = new Set();
  for (const unit of units) {
    const readable = unit.kind === 'row' ? `${unit.header.join(' ')}\n${unit.text}` : unit.text;
    const unitTerms = new Set(analyzer.terms(readable));
    const before = previous;
    previous = unitTerms;
    const own = massOf(unitTerms, terms, new Set());
    // A question left without its answer (the next unit is in another chunk) answers nothing.
    if (own === 0 || (unit.announces && /\?\s*$/.test(unit.text))) continue;
    const fromContext = massOf(context, terms, unitTerms);
    const fromPrevious = massOf(before, terms, unitTerms);
    const inherited = Math.max(fromContext * contextWeight, fromPrevious * previousWeight);
    const kinds = valueKindsIn(unit.text, unit.kind);
    const typed = expected.kinds.some((kind) => kinds.has(kind));
    const isDefault = expected.asksDefault && (/\bdefault/i.test(unit.text) || defaultCell(unit));
    const coverage = Math.min(1, (own + inherited) / terms.total);
    const bonus = !preferValues ? 0 : (typed ? typedBonus : 0) + (isDefault ? typedBonus / 2 : 0) + (holdsNewValue(unit.text, lowerQuestion) ? newValueBonus : 0);
    // Long units dilute the quote: past 300 characters each extra 300 costs a tenth.
    const lengthPenalty = 1 / (1 + Math.max(0, unit.text.length - 300) / 3000);
    scored.push({ ...unit, passage, terms: unitTerms, typed, score: coverage * rankPrior * (1 + bonus) * lengthPenalty });
  }
  return scored;
}

const valueToken = /`([^`\n]+)`|(?<![\w.])(\d[\w.:/-]*)/g;

/** True when the text holds a code span or a number the question does not contain. */
function holdsNewValue(text: string, lowerQuestion: string): boolean {
  for (const match of text.matchAll(valueToken)) {
    const value = (match[1] ?? match[2] ?? '').trim().toLowerCase();
    if (value !== '' && !lowerQuestion.includes(value)) return true;
  }
  return false;
}

/** A row whose header has a Default column with a value in it. */
function defaultCell(unit: PassageUnit): boolean {
  const column = unit.header.findIndex((name) => /default/i.test(name));
  if (column < 0) return false;
  const cells = unit.text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return (cells[column] ?? '').trim() !== '';
}

/** A unit ending with a colon is quoted with the unit it announces (a command block, a list item). */
function joinAnnouncements(units: readonly PassageUnit[], chunk: { readonly text: string; readonly start: number }): PassageUnit[] {
  const joined: PassageUnit[] = [];
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index]!;
    const next = units[index + 1];
    if (unit.announces && next !== undefined) {
      joined.push({ ...next, kind: next.kind === 'code' ? 'code' : unit.kind, start: unit.start, end: next.end, text: chunk.text.slice(unit.start - chunk.start, next.end - chunk.start), header: next.header, announces: false });
      index += 1;
    } else {
      joined.push(unit);
    }
  }
  return joined;
}

function overlaps(a: { start: number; end: number; passage: ScoredChunk }, b: { start: number; end: number; passage: ScoredChunk }): boolean {
  return a.passage.chunk.doc === b.passage.chunk.doc && a.start < b.end && b.start < a.end;
}

function massOf(present: ReadonlySet<string>, terms: QuestionTerms, exclude: ReadonlySet<string>): number {
  let mass = 0;
  for (const [term, weight] of terms.weights) if (present.has(term) && !exclude.has(term)) mass += weight;
  return mass;
}
