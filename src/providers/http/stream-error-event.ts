import type { ErrorCode } from '../../core/errors.js';
import { GroundedError } from '../../core/errors.js';
import { asRecord } from './as-record.js';
import { redactSecrets } from './redact-secrets.js';

const codeForType: Readonly<Record<string, ErrorCode>> = {
  rate_limit_error: 'PROVIDER_RATE_LIMITED',
  rate_limit_exceeded: 'PROVIDER_RATE_LIMITED',
  authentication_error: 'PROVIDER_AUTH',
  permission_error: 'PROVIDER_AUTH',
  invalid_request_error: 'PROVIDER_BAD_REQUEST',
  not_found_error: 'PROVIDER_BAD_REQUEST',
  request_too_large: 'PROVIDER_BAD_REQUEST',
};

/**
 * The typed error for an error a provider reports inside a stream, after the HTTP 200 (Anthropic's `error` event,
 * an OpenAI-style `{"error": {...}}` chunk). `error.type` picks the code (`rate_limit_error` -> `PROVIDER_RATE_LIMITED`,
 * `invalid_request_error` -> `PROVIDER_BAD_REQUEST`, ...); unknown or server-side types (`overloaded_error`,
 * `api_error`) give `PROVIDER_UNAVAILABLE`. The values of the request's secret `headers` are redacted from the
 * provider's message (servers sometimes echo the key they rejected).
 *
 * @example
 * throw streamErrorEvent('anthropic', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { 'x-api-key': key });
 */
export function streamErrorEvent(providerName: string, payload: unknown, headers: Readonly<Record<string, string>>): GroundedError {
  const error = asRecord(asRecord(payload)?.['error']);
  const type = typeof error?.['type'] === 'string' ? error['type'] : 'unknown';
  const rawMessage = typeof error?.['message'] === 'string' ? error['message'] : 'no message';
  const message = redactSecrets(rawMessage, headers).replace(/\s+/g, ' ').slice(0, 300);
  const code = codeForType[type] ?? 'PROVIDER_UNAVAILABLE';
  return new GroundedError(code, `${providerName} reported an error mid-stream (${type}): ${message}`, {
    details: { provider: providerName, errorType: type },
    hint: code === 'PROVIDER_UNAVAILABLE' ? 'retry later; the provider is overloaded or failing' : 'check the request and account limits',
  });
}
