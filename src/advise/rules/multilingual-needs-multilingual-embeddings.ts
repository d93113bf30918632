import type { Finding } from '../advice-report.js';
import type { RuleInput } from './rule-input.js';

/**
 * Questions and documents in several languages (or not in English): a knowledge gap is still retrieval's job, but the
 * lexical analyzer stems English only and cannot match a German question to a French passage; multilingual
 * embeddings can. Weight 1 for RAG, with the focus on the embedder.
 *
 * Source: Zhang et al. 2023, "MIRACL: A Multilingual Retrieval Dataset Covering 18 Diverse Languages" (TACL);
 * Wang et al. 2024, "Multilingual E5 Text Embeddings: A Technical Report" (arXiv:2402.05672).
 */
export function multilingualNeedsMultilingualEmbeddings({ profile }: RuleInput): Finding | null {
  const languages = profile.languages.map((language) => language.toLowerCase());
  if (profile.gap === 'behaviour' || (languages.length <= 1 && languages.every((language) => language.startsWith('en')))) return null;
  return {
    rule: 'multilingual-needs-multilingual-embeddings',
    effect: 'recommend',
    action: 'rag',
    weight: 1,
    focus: ['multilingual-embeddings'],
    reason: `questions and documents in ${languages.join(', ')}: retrieve with multilingual embeddings (the lexical analyzer stems English only)`,
    source: 'Zhang et al. 2023, MIRACL (TACL); Wang et al. 2024, Multilingual E5 (arXiv:2402.05672)',
    basis: 'profile',
    evidence: { languages: languages.join(',') },
    measureNext: ['recall@5 per language (tag golden cases by language)'],
  };
}
