/** One server-sent event as the alert stream sends it. */
export interface SseEvent {
  id: string | null
  event: string
  data: string
}

/**
 * An incremental `text/event-stream` parser (the WHATWG rules that matter here): chunks may split
 * lines anywhere, lines end in LF, CR or CRLF, `:` starts a comment (the heartbeats), several
 * `data:` lines join with a newline, and an event is dispatched at a blank line.
 */
export class SseParser {
  private buffer = ''
  private data: string[] = []
  private event = ''
  private id: string | null = null
  private pendingCr = false
  /** The last id seen, kept across events as the spec's "last event ID" is. */
  lastEventId: string | null = null

  feed(chunk: string): SseEvent[] {
    const out: SseEvent[] = []
    let text = chunk
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1)
    this.pendingCr = false
    this.buffer += text
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i]
      if (c !== '\n' && c !== '\r') continue
      this.line(this.buffer.slice(start, i), out)
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++
        } else {
          this.pendingCr = true
        }
      }
      start = i + 1
    }
    this.buffer = this.buffer.slice(start)
    return out
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        out.push({ id: this.id ?? this.lastEventId, event: this.event || 'message', data: this.data.join('\n') })
      }
      this.data = []
      this.event = ''
      this.id = null
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.data.push(value)
    else if (field === 'event') this.event = value
    else if (field === 'id' && !value.includes('\0')) {
      this.id = value
      this.lastEventId = value
    }
  }
}
