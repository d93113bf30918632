import { answeredUnanswerableNeedsAbstentionPrompting } from './answered-unanswerable-needs-abstention-prompting.js';
import { behaviourGapAfterPrompting } from './behaviour-gap-after-prompting.js';
import { behaviourGapPromptFirst } from './behaviour-gap-prompt-first.js';
import { behaviourMissesNeedPromptingFirst } from './behaviour-misses-need-prompting-first.js';
import { citationMissesNeedCitationPrompting } from './citation-misses-need-citation-prompting.js';
import { citationsNeedRag } from './citations-need-rag.js';
import { factsAndBehaviourHybrid } from './facts-and-behaviour-hybrid.js';
import { falseAbstentionsNeedThresholdWork } from './false-abstentions-need-threshold-work.js';
import { fineTuningFactsWarning } from './fine-tuning-facts-warning.js';
import { fixedLabelClassification } from './fixed-label-classification.js';
import { freshKnowledgeNeedsRag } from './fresh-knowledge-needs-rag.js';
import { generationMissesNeedABetterReader } from './generation-misses-need-a-better-reader.js';
import { inHousePrivacy } from './in-house-privacy.js';
import { knowledgeFitsInContext } from './knowledge-fits-in-context.js';
import { latencyBudgetBrokenByRetrieval } from './latency-budget-broken-by-retrieval.js';
import { multilingualNeedsMultilingualEmbeddings } from './multilingual-needs-multilingual-embeddings.js';
import { passingSliceNeedsNothing } from './passing-slice-needs-nothing.js';
import { perTenantSeparationNeedsRag } from './per-tenant-separation-needs-rag.js';
import { reasoningAcrossCorpus } from './reasoning-across-corpus.js';
import { retrievalMissesNeedRetrievalWork } from './retrieval-misses-need-retrieval-work.js';
import type { AdviceRule } from './rule-input.js';
import { toneIsShownNotTold } from './tone-is-shown-not-told.js';
import { tooFewExamples } from './too-few-examples.js';

/**
 * Every rule the advisor runs, profile rules first, then the rules that read measured evidence. Each is a pure
 * function in its own file with its reason and source in its TSDoc; docs/advisor.md lists them.
 */
export const adviceRules: readonly AdviceRule[] = [
  freshKnowledgeNeedsRag,
  citationsNeedRag,
  perTenantSeparationNeedsRag,
  multilingualNeedsMultilingualEmbeddings,
  behaviourGapPromptFirst,
  behaviourGapAfterPrompting,
  toneIsShownNotTold,
  fixedLabelClassification,
  factsAndBehaviourHybrid,
  reasoningAcrossCorpus,
  knowledgeFitsInContext,
  latencyBudgetBrokenByRetrieval,
  tooFewExamples,
  inHousePrivacy,
  fineTuningFactsWarning,
  retrievalMissesNeedRetrievalWork,
  generationMissesNeedABetterReader,
  behaviourMissesNeedPromptingFirst,
  citationMissesNeedCitationPrompting,
  falseAbstentionsNeedThresholdWork,
  answeredUnanswerableNeedsAbstentionPrompting,
  passingSliceNeedsNothing,
];
