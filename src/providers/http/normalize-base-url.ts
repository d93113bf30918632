import { GroundedError } from '../../core/errors.js';

/**
 * Checks that a provider base URL is an http(s) URL and drops trailing slashes, so paths can be appended with `/`.
 * Throws `INVALID_CONFIG` otherwise, before any request is made.
 *
 * @example
 * normalizeBaseUrl('http://127.0.0.1:11434/v1/'); // 'http://127.0.0.1:11434/v1'
 */
export function normalizeBaseUrl(baseUrl: string): string {
  // 'localhost:11434' parses as a URL with the scheme 'localhost:', so the scheme is checked too.
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new GroundedError('INVALID_CONFIG', `the chat model base URL is not an http(s) URL: '${baseUrl}'`, {
      hint: 'write it in full, like http://127.0.0.1:11434/v1',
    });
  }
  return baseUrl.replace(/\/+$/, '');
}
