import { describe, expect, it } from 'vitest'
import { SseParser } from './sse'

describe('SseParser', () => {
  it('reads named events with ids and JSON data, skipping heartbeat comments', () => {
    const p = new SseParser()
    const events = p.feed(': heartbeat\n\nid: 7\nevent: raised\ndata: {"id":"a1"}\n\n')
    expect(events).toEqual([{ id: '7', event: 'raised', data: '{"id":"a1"}' }])
    expect(p.lastEventId).toBe('7')
  })

  it('joins an event split across chunks anywhere, even inside a CRLF', () => {
    const p = new SseParser()
    const text = 'id: 1\r\nevent: changed\r\ndata: {"id":"x",\r\ndata: "n":2}\r\n\r\n'
    const out = []
    for (const ch of text) out.push(...p.feed(ch))
    expect(out).toEqual([{ id: '1', event: 'changed', data: '{"id":"x",\n"n":2}' }])
  })

  it('names an event without `event:` "message", and keeps the last id for later events', () => {
    const p = new SseParser()
    expect(p.feed('id: 3\ndata: a\n\ndata: b\n\n')).toEqual([
      { id: '3', event: 'message', data: 'a' },
      { id: '3', event: 'message', data: 'b' },
    ])
  })

  it('dispatches nothing for a block without data', () => {
    expect(new SseParser().feed('event: raised\n\n: only a comment\n\n')).toEqual([])
  })
})
