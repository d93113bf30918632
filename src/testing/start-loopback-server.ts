import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { LoopbackBehaviour, LoopbackHandler, LoopbackServer, RecordedRequest } from './loopback-behaviour.js';

/** How a protocol renders one behaviour; `signal` fires when the client goes away or the server closes. */
export type LoopbackRenderer = (
  behaviour: LoopbackBehaviour,
  request: RecordedRequest,
  response: ServerResponse,
  signal: AbortSignal,
) => Promise<void>;

/**
 * Starts an HTTP server on 127.0.0.1 (a free port) that records every request, asks `handler` what to do, waits the
 * behaviour's `delayMs`, and lets `render` speak the wire protocol. The protocol servers build on it; use it to fake
 * another protocol. `baseUrl` is the server origin plus `basePath`.
 *
 * @example
 * const server = await startLoopbackServer([{ type: 'reply', text: 'hi' }], '/v1', renderMyProtocol);
 * try { ... } finally { await server.close(); }
 */
export async function startLoopbackServer(handler: LoopbackHandler, basePath: string, render: LoopbackRenderer): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  const server = createServer((incoming, response) => {
    void serve(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`loopback server failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const serve = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const recorded = await record(incoming);
    const index = requests.push(recorded) - 1;
    const behaviour = Array.isArray(handler) ? pick(handler, index) : await (handler as Exclude<LoopbackHandler, readonly LoopbackBehaviour[]>)(recorded, index);
    const gone = new AbortController();
    response.on('close', () => gone.abort());
    const signal = AbortSignal.any([gone.signal, closing.signal]);
    if (behaviour.delayMs !== undefined && behaviour.delayMs > 0) {
      await delay(behaviour.delayMs, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return;
    }
    await render(behaviour, recorded, response, signal);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pick(script: readonly LoopbackBehaviour[], index: number): LoopbackBehaviour {
  const behaviour = script[Math.min(index, script.length - 1)];
  if (behaviour === undefined) throw new Error('the loopback script is empty');
  return behaviour;
}

async function record(incoming: IncomingMessage): Promise<RecordedRequest> {
  const parts: Buffer[] = [];
  for await (const part of incoming) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Keep the raw text: the test may be about a body that is not JSON.
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: incoming.method ?? '', path: incoming.url ?? '', headers, body };
}
