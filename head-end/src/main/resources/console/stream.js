// Server-sent events read with fetch() so the bearer token goes in the Authorization header
// (EventSource cannot send one). Reconnects with Last-Event-ID after a dropped stream.
import { session } from './api.js';

/**
 * Follows `path` until `signal` aborts, calling onEvent({event, data, id}) for each event.
 * onState('live' | 'reconnecting' | 'stopped') tells the page how the stream is doing.
 */
export async function follow(path, onEvent, signal, onState = () => {}) {
  let lastId = null;
  let backoff = 1000;
  while (!signal.aborted) {
    try {
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${session.token()}` };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch(path, { headers, signal });
      if (response.status === 401 || response.status === 403) {
        onState('stopped');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState('live');
      backoff = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const event = parse(block);
          if (event.id) lastId = event.id;
          if (event.data !== null) onEvent(event);
        }
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    onState('reconnecting');
    await new Promise((resolve) => setTimeout(resolve, backoff));
    backoff = Math.min(backoff * 2, 15000);
  }
  onState('stopped');
}

function parse(block) {
  const event = { event: 'message', data: null, id: null };
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue; // a heartbeat comment
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
  }
  if (data.length) event.data = data.join('\n');
  return event;
}
