import { ApiError, NetworkError } from './api/problem'
import type { VisitRequest } from './api/types'

export interface PendingVisit {
  visit: VisitRequest
  queuedAt: string
  attempts: number
}

export interface RejectedVisit {
  visit: VisitRequest
  status: number
  detail: string
}

export type SubmitResult = 'sent' | 'queued'

const PENDING_KEY = 'crm.pendingVisits'
const REJECTED_KEY = 'crm.rejectedVisits'

/** Worth trying again later: no network, or the service was down or busy. */
function retryable(error: unknown): boolean {
  return error instanceof NetworkError
    || (error instanceof ApiError && (error.status >= 500 || error.status === 408 || error.status === 429))
}

/**
 * Visits logged on the phone, kept in localStorage until the service has them. Each keeps the
 * clientId chosen when its form was filled, so a resend after a lost answer returns the visit
 * already made instead of a second one.
 */
export class OfflineQueue {
  private flushing: Promise<void> | null = null
  private listeners: (() => void)[] = []

  constructor(
    private readonly storage: Storage,
    private readonly send: (visit: VisitRequest) => Promise<unknown>,
    private readonly isOnline: () => boolean = () => navigator.onLine,
  ) {}

  pending(): PendingVisit[] {
    return this.read<PendingVisit>(PENDING_KEY)
  }

  rejected(): RejectedVisit[] {
    return this.read<RejectedVisit>(REJECTED_KEY)
  }

  count(): number {
    return this.pending().length
  }

  onChange(listener: () => void): () => void {
    this.listeners.push(listener)
    return () => { this.listeners = this.listeners.filter((l) => l !== listener) }
  }

  /** Sends now when possible; keeps the visit when the network is not there. Other errors are the caller's to show. */
  async submit(visit: VisitRequest): Promise<SubmitResult> {
    if (!this.isOnline()) {
      this.enqueue(visit)
      return 'queued'
    }
    try {
      await this.send(visit)
      return 'sent'
    } catch (error) {
      if (!retryable(error)) throw error
      this.enqueue(visit)
      return 'queued'
    }
  }

  enqueue(visit: VisitRequest): void {
    const items = this.pending()
    if (items.some((p) => p.visit.clientId === visit.clientId)) return
    items.push({ visit, queuedAt: new Date().toISOString(), attempts: 0 })
    this.write(PENDING_KEY, items)
  }

  discardRejected(clientId: string): void {
    this.write(REJECTED_KEY, this.rejected().filter((r) => r.visit.clientId !== clientId))
  }

  /** Sends what waits, oldest first; one flush at a time. */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.sendAll().finally(() => { this.flushing = null })
    }
    return this.flushing
  }

  private async sendAll(): Promise<void> {
    for (const item of this.pending()) {
      if (!this.isOnline()) return
      try {
        await this.send(item.visit)
        this.remove(item.visit.clientId)
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return
        if (retryable(error)) {
          this.bumpAttempts(item.visit.clientId)
          return
        }
        // The service refused it for good (e.g. 422): it would fail forever, so it waits for the rep instead.
        this.remove(item.visit.clientId)
        const status = error instanceof ApiError ? error.status : 0
        const detail = error instanceof ApiError ? error.message : String(error)
        this.write(REJECTED_KEY, [...this.rejected(), { visit: item.visit, status, detail }])
      }
    }
  }

  private remove(clientId: string): void {
    this.write(PENDING_KEY, this.pending().filter((p) => p.visit.clientId !== clientId))
  }

  private bumpAttempts(clientId: string): void {
    this.write(PENDING_KEY, this.pending().map((p) => (p.visit.clientId === clientId ? { ...p, attempts: p.attempts + 1 } : p)))
  }

  private read<T>(key: string): T[] {
    try {
      return JSON.parse(this.storage.getItem(key) ?? '[]') as T[]
    } catch {
      return []
    }
  }

  private write(key: string, value: unknown[]): void {
    this.storage.setItem(key, JSON.stringify(value))
    this.listeners.forEach((l) => l())
  }
}
