/**
 * `grounded/testing`: doubles for users' own tests.
 *
 * Loopback servers speak a provider's wire protocol on 127.0.0.1, so a chat model, embedder or reranker adapter can be
 * tested end to end (retries, timeouts, streaming, malformed replies) without the network or module patching.
 * `writeTinyBertModel` writes a kilobyte-sized ONNX model folder that the local (transformers.js) adapters load like a
 * real export.
 */
export type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
export { startOpenAICompatibleServer } from './start-openai-compatible-server.js';
export { startAnthropicServer } from './start-anthropic-server.js';
export { startEmbeddingsServer } from './start-embeddings-server.js';
export type { EmbeddingsServerOptions } from './start-embeddings-server.js';
export { startRerankServer } from './start-rerank-server.js';
export type { RerankServerOptions } from './start-rerank-server.js';
export { startLoopbackServer } from './start-loopback-server.js';
export type { LoopbackRenderer } from './start-loopback-server.js';
export { writeTinyBertModel } from './write-tiny-bert-model.js';
export type { TinyBertModel, TinyBertModelOptions } from './write-tiny-bert-model.js';
export { expectGroundedError } from './expect-grounded-error.js';
