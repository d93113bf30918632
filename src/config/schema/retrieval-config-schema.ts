import { z } from 'zod';

/** How passages are retrieved: `k`, the preset, fusion, MMR, question decomposition and the vector index. */
export const retrievalConfigSchema = z
  .object({
    /** Passages returned by `search` and considered by `ask`. */
    k: z.number().int().min(1).max(1000).default(10),
    /**
     * `lexical` (BM25), `hybrid` (BM25 and dense vectors, fused) or `hybrid-rerank` (hybrid, then a cross-encoder).
     * Undefined: `hybrid` when an embedder is configured, else `lexical` (see docs/retrieval.md for the measurements
     * behind this default). `ask`, `search` and `eval run` take `--preset` per query.
     */
    preset: z.enum(['lexical', 'hybrid', 'hybrid-rerank']).optional(),
    /** Candidates each retriever contributes before fusion. Default 100. */
    candidates: z.number().int().min(1).max(5000).default(100),
    /** `rrf` (reciprocal rank fusion, no tuning needed) or `weighted` (min-max normalized convex combination). */
    fusion: z.enum(['rrf', 'weighted']).default('rrf'),
    /** RRF rank constant; default 60 (Cormack et al. 2009); range 10–100. */
    rrfK: z.number().min(1).max(1000).default(60),
    /** Weight of the dense list in `weighted` fusion, in [0, 1]; the lexical list gets the rest. Default 0.5. */
    semanticWeight: z.number().min(0).max(1).default(0.5),
    /** Maximal marginal relevance trade-off in [0, 1] (1 = relevance only); undefined leaves MMR off. */
    mmrLambda: z.number().min(0).max(1).optional(),
    /**
     * Also search each part of a question that asks several things ("Which X ..., and what Y ...?", "X vs Y") with
     * its own terms in front, and interleave the parts' passages with the whole question's, so questions that need
     * two documents find both. Default true: synthesis recall@5 0.542 -> 0.583 (Traefik) and 0.462 -> 0.577 (NATS)
     * with answerable recall, nDCG and answer correctness unchanged or better; a question asking one thing costs a
     * scan of its text (docs/retrieval.md).
     */
    decompose: z.boolean().default(true),
    /**
     * At most this many passages of one document in the results before every other document had its turn
     * (per-document diversity; nothing is dropped, the rest follow). Default 0 (off): measured neutral to slightly
     * worse on the golden sets (docs/retrieval.md).
     */
    maxPerDocument: z.number().int().min(0).max(100).default(0),
    /**
     * Vector index: `exact` (brute force), `hnsw` (usearch, persisted next to the store) or `auto` (exact below
     * `exactBelow` vectors, where it costs a few milliseconds, HNSW above).
     */
    vectorIndex: z.enum(['auto', 'exact', 'hnsw']).default('auto'),
    exactBelow: z.number().int().min(0).default(20_000),
  })
  .default({ k: 10, candidates: 100, fusion: 'rrf', rrfK: 60, semanticWeight: 0.5, decompose: true, maxPerDocument: 0, vectorIndex: 'auto', exactBelow: 20_000 });
