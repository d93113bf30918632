import { setTimeout as delay } from 'node:timers/promises';
import { GroundedError } from '../../core/errors.js';
import { parseRetryAfter } from './parse-retry-after.js';
import { redactSecrets } from './redact-secrets.js';
import { retryDelay } from './retry-delay.js';

/** What {@link postJson} needs. Only `url`, `headers`, `body` and `providerName` are required. */
export interface PostJsonOptions {
  readonly url: string;
  /** Sent as given (plus `content-type: application/json`); secret header values are redacted from every error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Per attempt, covering the response headers and the reading of the body. Default 60 000 ms. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. Default 2 (three attempts in all). */
  readonly maxRetries?: number;
  /** Cancels the request and any retry wait: the call throws `ABORTED`. */
  readonly signal?: AbortSignal;
  /** Seam for tests: waits between attempts. Default: a timer that the `signal` cancels. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Seam for tests: jitter source in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** Seam for tests or proxies. Default the global `fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Names the provider in messages, e.g. `anthropic`. */
  readonly providerName: string;
}

type AttemptOutcome =
  | { readonly kind: 'response'; readonly response: Response }
  | { readonly kind: 'retry'; readonly error: GroundedError; readonly retryAfterMs?: number };

const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504, 529]);
const retryableNetworkCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const providerMessageLimit = 300;

/**
 * POSTs JSON to a provider and returns the successful (2xx) `Response`, unread, for the caller to parse or stream.
 * Retries 429, 500, 502, 503, 504, 529, timeouts and connection failures with exponential backoff and full jitter
 * (see {@link retryDelay}), honouring `Retry-After` / `retry-after-ms`. Failures are `GroundedError`s:
 * `PROVIDER_RATE_LIMITED`, `PROVIDER_UNAVAILABLE`, `PROVIDER_TIMEOUT` after the last attempt; at once, without
 * retry, `PROVIDER_AUTH` (401/403), `PROVIDER_BAD_REQUEST` (other 4xx, with the provider's own message) and
 * `ABORTED` (the caller's signal). `details` carry `provider`, `url`, `status` and `attempts`, never header values.
 *
 * @example
 * const response = await postJson({
 *   url: 'http://127.0.0.1:11434/v1/chat/completions',
 *   headers: { authorization: `Bearer ${apiKey}` },
 *   body: { model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] },
 *   providerName: 'openai-compatible',
 * });
 * const json = await response.json();
 */
export async function postJson(options: PostJsonOptions): Promise<Response> {
  const maxRetries = options.maxRetries ?? 2;
  for (let attempt = 1; ; attempt++) {
    throwIfAborted(options, attempt - 1);
    const outcome = await attemptOnce(options, attempt);
    if (outcome.kind === 'response') return outcome.response;
    if (attempt > maxRetries) throw outcome.error;
    const wait = retryDelay({ retry: attempt, retryAfterMs: outcome.retryAfterMs, random: options.random ?? Math.random });
    await pause(wait, options, attempt);
  }
}

async function attemptOnce(options: PostJsonOptions, attempt: number): Promise<AttemptOutcome> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const signals = options.signal === undefined ? [AbortSignal.timeout(timeoutMs)] : [AbortSignal.timeout(timeoutMs), options.signal];
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(options.body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    return fetchFailure(error, options, attempt, timeoutMs);
  }
  if (response.ok) return { kind: 'response', response };
  // Read the body even when it is not needed: an unread body keeps the connection busy.
  const bodyText = await response.text().catch(() => '');
  throwIfAborted(options, attempt);
  return statusFailure(response, providerMessage(bodyText, options.headers), options, attempt);
}

function fetchFailure(error: unknown, options: PostJsonOptions, attempt: number, timeoutMs: number): AttemptOutcome {
  throwIfAborted(options, attempt);
  const details = baseDetails(options, attempt);
  if (error instanceof Error && error.name === 'TimeoutError') {
    const message = `${options.providerName} did not answer within ${timeoutMs} ms (${attempts(attempt)})`;
    const hint = 'raise timeoutMs, shorten the prompt, or check that the server is not overloaded';
    return { kind: 'retry', error: new GroundedError('PROVIDER_TIMEOUT', message, { details: { ...details, timeoutMs }, hint }) };
  }
  const code = networkCode(error);
  const message = `could not reach ${options.providerName} at ${origin(options.url)} (${code ?? 'network error'}, ${attempts(attempt)})`;
  const failure = new GroundedError('PROVIDER_UNAVAILABLE', message, {
    details: { ...details, networkCode: code },
    hint: 'check the base URL and that the server is running and reachable',
    cause: error,
  });
  if (code !== undefined && retryableNetworkCodes.has(code)) return { kind: 'retry', error: failure };
  throw failure;
}

function statusFailure(response: Response, providerText: string, options: PostJsonOptions, attempt: number): AttemptOutcome {
  const status = response.status;
  const details = { ...baseDetails(options, attempt), status };
  const said = providerText === '' ? '' : `: ${providerText}`;
  const name = options.providerName;
  if (status === 401 || status === 403) {
    throw new GroundedError('PROVIDER_AUTH', `${name} rejected the credentials (HTTP ${status})${said}`, {
      details,
      hint: 'check GROUNDED_LLM_API_KEY (and that the key may use this model)',
    });
  }
  if (status === 429 || (retryableStatuses.has(status) && status >= 500)) {
    const retryAfterMs = parseRetryAfter(response.headers);
    const rateLimited = status === 429;
    const message = rateLimited
      ? `${name} rate limit reached (HTTP 429, ${attempts(attempt)})${said}`
      : `${name} is unavailable (HTTP ${status}, ${attempts(attempt)})${said}`;
    const error = new GroundedError(rateLimited ? 'PROVIDER_RATE_LIMITED' : 'PROVIDER_UNAVAILABLE', message, {
      details: { ...details, retryAfterMs },
      hint: rateLimited
        ? 'wait and retry, lower the concurrency, or raise the rate limit of the account'
        : 'retry later; check the provider status page or that the local server is healthy',
    });
    return retryAfterMs === undefined ? { kind: 'retry', error } : { kind: 'retry', error, retryAfterMs };
  }
  if (status >= 500) {
    throw new GroundedError('PROVIDER_UNAVAILABLE', `${name} failed (HTTP ${status})${said}`, {
      details,
      hint: 'retry later; check the provider status page or the server logs',
    });
  }
  if (status >= 400) {
    throw new GroundedError('PROVIDER_BAD_REQUEST', `${name} rejected the request (HTTP ${status})${said}`, {
      details,
      hint: status === 404 ? 'check the base URL and the model name' : 'check the model name and request options',
    });
  }
  throw new GroundedError('PROVIDER_BAD_RESPONSE', `${name} answered with unexpected HTTP ${status}`, {
    details,
    hint: 'check the base URL points at the API itself, not at a proxy or web page',
  });
}

async function pause(ms: number, options: PostJsonOptions, attempt: number): Promise<void> {
  if (options.sleep !== undefined) await options.sleep(ms);
  else await delay(ms, undefined, { signal: options.signal }).catch(() => undefined);
  throwIfAborted(options, attempt);
}

function throwIfAborted(options: PostJsonOptions, attempt: number): void {
  if (options.signal?.aborted !== true) return;
  throw new GroundedError('ABORTED', `request to ${options.providerName} was cancelled`, {
    details: baseDetails(options, attempt),
    hint: 'nothing to do if you cancelled it; otherwise check what aborted the signal',
  });
}

function baseDetails(options: PostJsonOptions, attempt: number): Record<string, unknown> {
  return { provider: options.providerName, url: origin(options.url) + new URL(options.url).pathname, attempts: attempt };
}

function attempts(attempt: number): string {
  return attempt === 1 ? '1 attempt' : `${attempt} attempts`;
}

function origin(url: string): string {
  return new URL(url).origin;
}

function networkCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * The provider's own error text: `error.message` (OpenAI, Anthropic), `error` (Ollama), `message` or `detail`, with
 * secret header values redacted before it is shortened (shortening first could cut an echoed key and keep its start).
 */
function providerMessage(bodyText: string, headers: Readonly<Record<string, string>>): string {
  let text = bodyText;
  try {
    const json = JSON.parse(bodyText) as Record<string, unknown> | null;
    const error = json?.['error'];
    const candidates = [
      typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['message'] : error,
      json?.['message'],
      json?.['detail'],
    ];
    text = String(candidates.find((candidate) => typeof candidate === 'string') ?? bodyText);
  } catch {
    // Not JSON (a proxy's HTML page, plain text): show its start.
  }
  const line = redactSecrets(text, headers).replace(/\s+/g, ' ').trim();
  return line.length > providerMessageLimit ? `${line.slice(0, providerMessageLimit)}…` : line;
}
