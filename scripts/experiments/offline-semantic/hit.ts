/** A chunk row and its score, as the experiment's retrievers return them. */
export type Hit = { readonly row: number; readonly score: number };
/** One way of ranking a corpus's chunks for a query. */
export type Retriever = (query: string) => Hit[];

/** Chunks fetched per query before collapsing to documents, as evaluate-beir does. */
export const CHUNK_DEPTH = 300;
