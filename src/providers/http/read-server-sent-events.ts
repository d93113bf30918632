/** One dispatched server-sent event. `event` is absent when the server sent no `event:` field (type "message"). */
export interface ServerSentEvent {
  readonly event?: string;
  readonly data: string;
}

/**
 * Parses a `text/event-stream` body as the WHATWG HTML standard describes (section 9.2.6): lines end in `\r\n`,
 * `\n` or `\r` (even when split across chunks), `data:` lines join with `\n`, one leading space after the colon is
 * dropped, lines starting with `:` are comments, a blank line dispatches the event, and an event that the stream ends
 * before its blank line is discarded. `id` and `retry` fields are ignored (nothing here reconnects).
 * Read errors of the body (a cut connection, an aborted signal) are thrown as they come; callers map them.
 *
 * @example
 * for await (const { event, data } of readServerSentEvents(response)) {
 *   if (data === '[DONE]') break;
 *   console.log(event, JSON.parse(data));
 * }
 */
export async function* readServerSentEvents(response: Response): AsyncGenerator<ServerSentEvent, void, undefined> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  let event: { type: string; data: string[] } = { type: '', data: [] };
  let buffer = '';
  const handleLine = (line: string): ServerSentEvent | undefined => {
    if (line === '') {
      const ready = event;
      event = { type: '', data: [] };
      if (ready.data.length === 0) return undefined;
      const data = ready.data.join('\n');
      return ready.type === '' ? { data } : { event: ready.type, data };
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'event') event.type = value;
    else if (field === 'data') event.data.push(value);
    return undefined;
  };
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    // A trailing '\r' may be the first half of '\r\n': keep it until the next chunk says.
    const complete = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
    const lines = complete.split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + buffer.slice(complete.length);
    for (const line of lines) {
      const dispatched = handleLine(line);
      if (dispatched !== undefined) yield dispatched;
    }
  }
  buffer += decoder.decode();
  // The stream ended: a final '\r' or complete lines still end lines, but an undispatched event is dropped.
  const lines = buffer.split(/\r\n|\r|\n/);
  lines.pop();
  for (const line of lines) {
    const dispatched = handleLine(line);
    if (dispatched !== undefined) yield dispatched;
  }
}
