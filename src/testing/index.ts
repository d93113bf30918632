/**
 * `grounded/testing`: doubles for users' own tests.
 *
 * Loopback servers speak a provider's wire protocol on 127.0.0.1, so a chat model adapter can be tested end to end
 * (retries, timeouts, streaming, malformed replies) without the network or module patching.
 */
export type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';
export { startOpenAICompatibleServer } from './start-openai-compatible-server.js';
export { startAnthropicServer } from './start-anthropic-server.js';
export { startLoopbackServer } from './start-loopback-server.js';
export type { LoopbackRenderer } from './start-loopback-server.js';
export { expectGroundedError } from './expect-grounded-error.js';
