import { GroundedError } from '../../core/errors.js';

/**
 * The `PROVIDER_BAD_RESPONSE` error for well-formed JSON of the wrong shape (no `choices`, no `content`), which
 * usually means the base URL points at a different API.
 *
 * @example
 * throw unexpectedResponse('openai-compatible', 'the reply has no choices[0].message');
 */
export function unexpectedResponse(providerName: string, problem: string): GroundedError {
  return new GroundedError('PROVIDER_BAD_RESPONSE', `${providerName} sent an unexpected reply: ${problem}`, {
    details: { provider: providerName },
    hint: 'check that the base URL and provider type match the server (OpenAI-compatible vs Anthropic)',
  });
}
