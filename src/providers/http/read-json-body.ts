import { bodyReadError } from './body-read-error.js';
import { parseProviderJson } from './parse-provider-json.js';

/**
 * Reads a whole response body as JSON. Read failures are mapped by {@link bodyReadError}; text that is not JSON
 * throws `PROVIDER_BAD_RESPONSE`.
 *
 * @example
 * const json = await readJsonBody(await postJson(options), { providerName: 'anthropic', signal });
 */
export async function readJsonBody(response: Response, context: { readonly providerName: string; readonly signal?: AbortSignal }): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw bodyReadError(error, context);
  }
  return parseProviderJson(text, context.providerName, 'the response body');
}
