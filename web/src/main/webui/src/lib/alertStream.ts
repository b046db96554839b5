import { SseParser, type SseEvent } from './sse'

export interface AlertStreamOptions {
  url: () => string
  headers: () => Record<string, string>
  /** Runs on every (re)connect, before events are read: the page re-reads the open alerts. */
  onConnected: () => Promise<void> | void
  onEvent: (event: SseEvent) => void
  onStatus?: (status: 'connecting' | 'live' | 'down') => void
  onUnauthorized?: () => void
  fetchImpl?: typeof fetch
  /** Waits before a reconnect; replaced in tests. */
  wait?: (ms: number) => Promise<void>
}

const MAX_BACKOFF_MS = 30_000

/**
 * Reads the alert stream with fetch, since EventSource cannot send a bearer header. It reconnects
 * with backoff and `Last-Event-ID`, and re-reads the open alerts on every connect so an alert
 * raised while disconnected is not missed even when the server cannot resume.
 */
export class AlertStream {
  private controller: AbortController | null = null
  private stopped = false
  private lastEventId: string | null = null
  connects = 0

  constructor(private readonly options: AlertStreamOptions) {}

  start(): void {
    this.stopped = false
    void this.loop()
  }

  stop(): void {
    this.stopped = true
    this.controller?.abort()
  }

  private async loop(): Promise<void> {
    const wait = this.options.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
    let backoff = 1000
    while (!this.stopped) {
      const healthy = await this.connectOnce()
      if (this.stopped) return
      this.options.onStatus?.('down')
      if (healthy) backoff = 1000
      await wait(backoff)
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
    }
  }

  /** One connection, until it ends; true when it was established (so the backoff restarts). */
  private async connectOnce(): Promise<boolean> {
    const fetchImpl = this.options.fetchImpl ?? fetch
    this.controller = new AbortController()
    this.options.onStatus?.('connecting')
    const headers: Record<string, string> = { Accept: 'text/event-stream', ...this.options.headers() }
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId
    try {
      const response = await fetchImpl(this.options.url(), { headers, signal: this.controller.signal, cache: 'no-store' })
      if (response.status === 401) {
        this.stopped = true
        this.options.onUnauthorized?.()
        return false
      }
      if (!response.ok || !response.body) return false
      this.connects++
      await this.options.onConnected()
      this.options.onStatus?.('live')
      await this.read(response.body)
      return true
    } catch {
      return false
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = new SseParser()
    const decoder = new TextDecoder()
    const reader = body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
        if (event.id) this.lastEventId = event.id
        this.options.onEvent(event)
      }
    }
  }
}
