import type { ProfileField } from './profile-field.js';

/**
 * The profile fields about the use case (what is missing, how the knowledge changes, volume, privacy, languages), in
 * interview order: the first part of `advisorProfileFields`.
 */
export const useCaseProfileFields: readonly ProfileField[] = [
  {
    name: 'gap',
    kind: 'choice',
    choices: ['facts', 'behaviour', 'both', 'unknown'],
    question: 'Is the gap about facts the model does not know, or behaviour (format, tone, policy, schema)?',
    explanation: 'Facts call for retrieval, behaviour for prompting and then fine-tuning. `unknown` lets the eval run decide: behaviour checks measure the behaviour gap, answer correctness the knowledge gap.',
  },
  {
    name: 'knowledgeChangeFrequency',
    kind: 'choice',
    choices: ['daily', 'weekly', 'monthly', 'yearly', 'static'],
    question: 'How often does the knowledge change?',
    explanation: 'Daily or weekly changes rule out baking facts into weights: a re-index takes seconds, a re-train days. Default monthly.',
  },
  {
    name: 'needsCitations',
    kind: 'boolean',
    question: 'Must answers cite their sources (provenance)?',
    explanation: 'Only retrieval can point at the passage an answer came from; a fine-tuned model cannot say where a fact came from. Default yes (grounded answers cite).',
  },
  {
    name: 'latencyBudgetMs',
    kind: 'number',
    question: 'Latency budget, p95 in milliseconds?',
    explanation: 'Compared with the measured retrieval and generation p95 of the latest eval run; only a measured breach votes for a smaller fine-tuned model. Default 3000 ms.',
  },
  {
    name: 'requestsPerDay',
    kind: 'number',
    question: 'Requests per day?',
    explanation: 'Volume decides the cost crossover: fine-tuning has fixed costs (training, hosting) and saves per-request prompt tokens. Traced volume replaces it when traces exist. Default 1000.',
  },
  {
    name: 'requestGrowthPerMonth',
    kind: 'number',
    question: 'Monthly growth of requests, as a fraction (0.1 = +10% a month)?',
    explanation: 'Shows the cost in twelve months next to today’s. Default 0.',
  },
  {
    name: 'labeledExamples',
    kind: 'integer',
    question: 'How many good labelled examples (input -> ideal output) do you have?',
    explanation: 'Under 500 good examples fine-tuning is blocked: OpenAI reports clear improvements from 50-100, but this advisor asks for ~500 (issue 6) to cover edge cases and keep a held-out test split. Default 0.',
  },
  {
    name: 'task',
    kind: 'choice',
    choices: ['question-answering', 'classification', 'extraction', 'generation', 'code'],
    question: 'What is the task?',
    explanation: 'Classification over a fixed label set is a classic fine-tuning task (small model, short prompt, low latency). Default question-answering.',
  },
  {
    name: 'behaviourKind',
    kind: 'choice',
    choices: ['format', 'tone', 'policy', 'unknown'],
    question: 'If behaviour is missing: is it format (schema, length), tone (brand voice, style) or policy (what to refuse)?',
    explanation: 'Format is mostly fixed by structured output and instructions; tone is easier shown than told, which is what fine-tuning does. Default unknown.',
  },
  {
    name: 'promptingTried',
    kind: 'boolean',
    question: 'Have you tried prompt engineering, few-shot examples and structured output, and measured that they fall short?',
    explanation: 'Every fine-tuning guide says to exhaust prompting first; only then does a behaviour gap vote for fine-tuning. Default no.',
  },
  {
    name: 'privacy',
    kind: 'choice',
    choices: ['cloud-ok', 'in-house-only'],
    question: 'May data leave your infrastructure (cloud-ok), or must models run in-house (in-house-only)?',
    explanation: 'In-house-only means an open-weight model on your own hardware, for retrieval and fine-tuning alike; prices switch to the self-hosted rows. Default cloud-ok.',
  },
  {
    name: 'perTenantSeparation',
    kind: 'boolean',
    question: 'Must the data of different customers (tenants) stay separated?',
    explanation: 'Shared weights trained on several tenants can leak one tenant’s data to another; per-tenant indexes keep them apart. Default no.',
  },
  {
    name: 'reasoningAcrossCorpus',
    kind: 'boolean',
    question: 'Do questions need reasoning across the whole corpus (not a few passages)?',
    explanation: 'Retrieving a few passages cannot cover corpus-wide questions; a model fine-tuned on the domain can, with retrieval kept for provenance (hybrid). Default no.',
  },
  {
    name: 'knowledgeTokens',
    kind: 'optional-number',
    question: 'Size of the knowledge in tokens?',
    defaultText: 'measured from the knowledge base',
    explanation: 'Knowledge well inside the context window makes long-context prompting a fine prototype. Measured from the knowledge base when there is one.',
  },
  {
    name: 'languages',
    kind: 'list',
    question: 'Languages of questions and documents (comma-separated codes)?',
    explanation: 'More than one language (or not English) needs multilingual embeddings: the lexical analyzer stems English only. Default en.',
  },
];
