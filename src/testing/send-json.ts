import type { ServerResponse } from 'node:http';

/**
 * Ends `response` with a JSON body (a string payload is sent verbatim, so tests can send broken JSON) and the
 * given status and extra headers.
 *
 * @example
 * sendJson(response, 429, { error: { message: 'slow down' } }, { 'retry-after': '2' });
 */
export function sendJson(response: ServerResponse, status: number, payload: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
}
