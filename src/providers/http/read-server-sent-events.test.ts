import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readServerSentEvents } from './read-server-sent-events.js';
import type { ServerSentEvent } from './read-server-sent-events.js';

function responseOf(chunks: readonly (string | Uint8Array)[]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(stream);
}

async function collect(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(response)) events.push(event);
  return events;
}

const sample =
  ': keep-alive comment\r\n' +
  'event: message_start\r\ndata: {"a":1}\r\n\r\n' +
  'data: first line\ndata:second line\ndata:  two spaces\n\n' +
  'event: ping\rdata\r\r' +
  'id: 7\nretry: 100\n\n' +
  'data: [DONE]\n\n';

const expected: ServerSentEvent[] = [
  { event: 'message_start', data: '{"a":1}' },
  { data: 'first line\nsecond line\n two spaces' },
  { event: 'ping', data: '' },
  { data: '[DONE]' },
];

describe('readServerSentEvents', () => {
  it('parses events, multi-line data, comments and all three line endings', async () => {
    assert.deepEqual(await collect(responseOf([sample])), expected);
  });

  it('gives the same events however the bytes are split into chunks', async () => {
    const bytes = new TextEncoder().encode(sample.replace('first line', 'första rad ✓'));
    const want = expected.map((event) => (event.data.startsWith('first') ? { data: event.data.replace('first line', 'första rad ✓') } : event));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const sorted = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = sorted.slice(1).map((end, index) => bytes.slice(sorted[index], end));
        assert.deepEqual(await collect(responseOf(chunks)), want);
      }),
    );
  });

  it('treats a \\r\\n split across chunks as one line ending', async () => {
    assert.deepEqual(await collect(responseOf(['data: a\r', '\n\r', '\ndata: b\r\n\r\n'])), [{ data: 'a' }, { data: 'b' }]);
  });

  it('drops an event the stream ends before its blank line', async () => {
    assert.deepEqual(await collect(responseOf(['data: whole\n\n', 'data: half\n'])), [{ data: 'whole' }]);
  });

  it('skips blank-line blocks that carry no data and yields nothing for an empty body', async () => {
    assert.deepEqual(await collect(responseOf(['event: lonely\n\n\n\ndata: x\n\n'])), [{ data: 'x' }]);
    assert.deepEqual(await collect(new Response(null)), []);
  });
});
