import { GroundedError } from '../../core/errors.js';

/**
 * The `PROVIDER_BAD_RESPONSE` error for a reply stream that stopped before its end marker (`[DONE]`,
 * `message_stop`): the connection was cut or the server gave up. What arrived before was already yielded.
 *
 * @example
 * throw streamEndedEarly('openai-compatible', 'no [DONE] event');
 */
export function streamEndedEarly(providerName: string, reason: string, cause?: unknown): GroundedError {
  return new GroundedError('PROVIDER_BAD_RESPONSE', `${providerName} stream ended early (${reason})`, {
    details: { provider: providerName, reason },
    hint: 'retry the request; if it keeps happening, check the server logs or a proxy that cuts long responses',
    cause,
  });
}
