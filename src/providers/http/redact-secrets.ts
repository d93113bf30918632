const secretHeaders: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key']);

/**
 * `text` with the values of the secret headers among `headers` (`authorization`, `proxy-authorization`, `x-api-key`,
 * `api-key`; a `Bearer`/`Basic` value also without its scheme) replaced by `[redacted]`. Servers sometimes echo the key
 * they rejected, in an error body or an error event inside a stream; it must not reach messages or logs.
 *
 * @example
 * redactSecrets('Incorrect API key provided: sk-123', { authorization: 'Bearer sk-123' }); // 'Incorrect API key provided: [redacted]'
 */
export function redactSecrets(text: string, headers: Readonly<Record<string, string>>): string {
  let result = text;
  for (const [name, value] of Object.entries(headers)) {
    if (!secretHeaders.has(name.toLowerCase())) continue;
    for (const secret of [value, value.replace(/^\s*(Bearer|Basic)\s+/i, '')]) {
      if (secret.length >= 4) result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}
