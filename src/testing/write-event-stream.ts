import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Writes server-sent events (`event:` line when named, one `data:` line, blank line) with HTTP 200, optionally
 * `eventDelayMs` apart. After `cutAfterEvents` events it destroys the socket instead of ending the response, the way
 * a dropped connection looks to the client. Stops quietly when `signal` fires.
 *
 * @example
 * await writeEventStream(response, [{ data: '{"a":1}' }, { data: '[DONE]' }], { signal });
 */
export async function writeEventStream(
  response: ServerResponse,
  events: readonly { readonly event?: string; readonly data: string }[],
  options: { readonly signal: AbortSignal; readonly eventDelayMs?: number; readonly cutAfterEvents?: number },
): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
  for (const [index, event] of events.entries()) {
    if (options.cutAfterEvents !== undefined && index >= options.cutAfterEvents) {
      // Give the written events time to leave before the reset, so the client sees them and then the cut.
      await delay(20);
      response.socket?.destroy();
      return;
    }
    if (options.eventDelayMs !== undefined && options.eventDelayMs > 0) {
      await delay(options.eventDelayMs, undefined, { signal: options.signal }).catch(() => undefined);
    }
    if (options.signal.aborted) return;
    response.write(`${event.event === undefined ? '' : `event: ${event.event}\n`}data: ${event.data}\n\n`);
  }
  response.end();
}
