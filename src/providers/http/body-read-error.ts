import { GroundedError } from '../../core/errors.js';
import { streamEndedEarly } from './stream-ended-early.js';

/**
 * Turns a failure while reading a response body into a typed error: `ABORTED` when the caller's `signal` fired,
 * `PROVIDER_TIMEOUT` when the per-attempt timeout of {@link postJson} fired, and otherwise (the connection was cut)
 * `PROVIDER_BAD_RESPONSE` "stream ended early". A `GroundedError` passes through unchanged.
 *
 * @example
 * try { for await (const event of readServerSentEvents(response)) yield* handle(event); }
 * catch (error) { throw bodyReadError(error, { providerName: 'anthropic', signal }); }
 */
export function bodyReadError(error: unknown, context: { readonly providerName: string; readonly signal?: AbortSignal }): GroundedError {
  if (error instanceof GroundedError) return error;
  const details = { provider: context.providerName };
  if (context.signal?.aborted === true) {
    return new GroundedError('ABORTED', `request to ${context.providerName} was cancelled`, {
      details,
      hint: 'nothing to do if you cancelled it; otherwise check what aborted the signal',
      cause: error,
    });
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new GroundedError('PROVIDER_TIMEOUT', `${context.providerName} did not finish its reply in time`, {
      details,
      hint: 'raise timeoutMs (it bounds the whole reply, streamed ones included) or ask for fewer output tokens',
      cause: error,
    });
  }
  return streamEndedEarly(context.providerName, 'the connection closed', error);
}
