import { franc } from 'franc-min';
import type { CheckResult } from '../eval-run-report.js';

/**
 * ISO 639-3 codes that franc-min returns -> the ISO 639-1 codes golden files use. Covers all 82 franc-min
 * languages that have a 639-1 code (macrolanguage code where franc names an individual language: `cmn` -> `zh`,
 * `arb` -> `ar`, `pes` -> `fa`, `zlm` -> `ms`); Maithili, Bhojpuri, Cebuano and a few others have none and can
 * only be asked for by their 639-3 code.
 */
export const iso6393To6391: Readonly<Record<string, string>> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ku', cmn: 'zh',
  deu: 'de', ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu',
  ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', koi: 'kv', kor: 'ko',
  lin: 'ln', mal: 'ml', mar: 'mr', mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa',
  plt: 'mg', pol: 'pl', por: 'pt', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es',
  srp: 'sr', sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk',
  urd: 'ur', uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

// franc-min's languages without a 639-1 code; they may be named by their 639-3 code.
const only6393 = new Set(['bho', 'ceb', 'hms', 'hnj', 'ilo', 'mad', 'mag', 'mai', 'skr']);

/** Below this many characters (markers removed) trigram statistics are too thin to name a language. */
const minimumLength = 20;

/**
 * The `language` behaviour check: the answer's language, identified by franc-min (trigram statistics) with `[n]`
 * citation markers removed, must be `value`, an ISO 639-1 code (`de`) or, for languages without one, the ISO 639-3
 * code (`deu` also works for any). An answer shorter than 20 characters passes with detail 'too short to identify'
 * (no reliable guess is possible), as does one franc cannot place at all (`und`, e.g. only digits). A `value`
 * franc-min cannot recognise (a language under 8M speakers such as Danish) fails with a detail saying so, so the
 * golden set gets fixed rather than passing silently.
 *
 * @example
 * checkLanguage('Die Anfrage wird ab einem Megabyte auf der Festplatte gepuffert.', 'de'); // passed, 'detected de (deu)'
 */
export function checkLanguage(answer: string, value: string): CheckResult {
  const type = 'language';
  const expected = value.trim().toLowerCase();
  const known = Object.hasOwn(iso6393To6391, expected) || only6393.has(expected) || Object.values(iso6393To6391).includes(expected);
  if (!known) return { type, passed: false, detail: `language '${value}' is not one franc-min can identify` };
  const text = answer.replace(/\[\d+(?:\s*,\s*\d+)*\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length < minimumLength) return { type, passed: true, detail: 'too short to identify' };
  const detected = franc(text);
  if (detected === 'und') return { type, passed: true, detail: 'could not identify the language' };
  const short = iso6393To6391[detected];
  const passed = detected === expected || short === expected;
  return { type, passed, detail: `detected ${short ?? detected} (${detected}), expected ${value}` };
}
