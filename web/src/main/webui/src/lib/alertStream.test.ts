import { describe, expect, it } from 'vitest'
import { AlertStream } from './alertStream'
import type { SseEvent } from './sse'

/** A response whose body yields the given chunks and then ends, as a dropped connection does. */
function sse(chunks: string[]): Response {
  const enc = new TextEncoder()
  return new Response(new ReadableStream({
    start(c) {
      chunks.forEach((x) => c.enqueue(enc.encode(x)))
      c.close()
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

describe('AlertStream', () => {
  it('sends the bearer header, re-reads the open alerts on every connect and resumes with Last-Event-ID', async () => {
    const requests: Record<string, string>[] = []
    const log: string[] = []
    const responses = [
      sse(['id: 10\nevent: raised\ndata: {"id":"a1"}\n\n']),
      sse(['id: 11\nevent: resolved\ndata: {"id":"a1"}\n\n']),
    ]
    let stream: AlertStream
    const done = new Promise<void>((resolve) => {
      stream = new AlertStream({
        url: () => 'http://analytics/api/v1/alerts/stream',
        headers: () => ({ Authorization: 'Bearer t0k' }),
        fetchImpl: (async (_url: string, init: RequestInit) => {
          requests.push(init.headers as Record<string, string>)
          const next = responses.shift()
          if (!next) {
            stream.stop()
            resolve()
            throw new Error('stopped')
          }
          return next
        }) as unknown as typeof fetch,
        wait: async () => {},
        onConnected: () => { log.push('reread') },
        onEvent: (e: SseEvent) => { log.push(`${e.event}:${e.id}`) },
      })
      stream.start()
    })
    await done

    expect(log).toEqual(['reread', 'raised:10', 'reread', 'resolved:11'])
    expect(requests[0].Authorization).toBe('Bearer t0k')
    expect(requests[0]['Last-Event-ID']).toBeUndefined()
    expect(requests[1]['Last-Event-ID']).toBe('10')
    expect(requests[2]['Last-Event-ID']).toBe('11')
  })

  it('waits longer after each failed attempt and stops on 401 to let the user log in again', async () => {
    const waits: number[] = []
    let calls = 0
    let unauthorized = false
    await new Promise<void>((resolve) => {
      const stream = new AlertStream({
        url: () => 'u',
        headers: () => ({}),
        fetchImpl: (async () => {
          calls++
          if (calls <= 3) throw new TypeError('Failed to fetch')
          return new Response(null, { status: 401 })
        }) as unknown as typeof fetch,
        wait: async (ms) => { waits.push(ms) },
        onConnected: () => {},
        onEvent: () => {},
        onUnauthorized: () => { unauthorized = true; resolve() },
      })
      stream.start()
    })
    expect(waits).toEqual([1000, 2000, 4000])
    expect(unauthorized).toBe(true)
  })
})
