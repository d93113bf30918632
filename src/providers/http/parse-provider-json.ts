import { GroundedError } from '../../core/errors.js';

/**
 * `JSON.parse` for text a provider sent, throwing `PROVIDER_BAD_RESPONSE` (with the start of the text in `details`)
 * instead of a bare `SyntaxError`. `what` names the text in the message, e.g. `a stream event`.
 *
 * @example
 * const chunk = parseProviderJson(event.data, 'openai-compatible', 'a stream event');
 */
export function parseProviderJson(text: string, providerName: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return badJson(text, providerName, what, error);
  }
}

function badJson(text: string, providerName: string, what: string, cause: unknown): never {
  throw new GroundedError('PROVIDER_BAD_RESPONSE', `${providerName} sent malformed JSON in ${what}`, {
    details: { provider: providerName, start: text.slice(0, 120) },
    hint: 'check that the base URL points at the provider API (not a proxy page) and that the server is healthy',
    cause,
  });
}
