import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OfflineQueue } from './offlineQueue'
import { ApiError, NetworkError } from './api/problem'
import type { VisitRequest } from './api/types'

const visit = (clientId: string): VisitRequest => ({
  clientId, customerId: 'c1', method: 'ONSITE', occurredAt: '2026-11-03T09:30:00Z', summary: '拜访王总',
})

describe('OfflineQueue', () => {
  let online: boolean
  beforeEach(() => {
    localStorage.clear()
    online = true
  })

  it('keeps a visit submitted without network and counts it', async () => {
    online = false
    const send = vi.fn()
    const queue = new OfflineQueue(localStorage, send, () => online)

    expect(await queue.submit(visit('a'))).toBe('queued')

    expect(send).not.toHaveBeenCalled()
    expect(queue.count()).toBe(1)
    expect(JSON.parse(localStorage.getItem('crm.pendingVisits')!)[0].visit.clientId).toBe('a')
  })

  it('keeps a visit whose send fails with a network error, even when the browser claims to be online', async () => {
    const queue = new OfflineQueue(localStorage, () => Promise.reject(new NetworkError(new TypeError('Failed to fetch'))), () => online)

    expect(await queue.submit(visit('a'))).toBe('queued')
    expect(queue.count()).toBe(1)
  })

  it('does not queue a visit the service refused: the caller shows the problem', async () => {
    const refusal = new ApiError(422, { status: 422, detail: 'occurredAt is in the future' })
    const queue = new OfflineQueue(localStorage, () => Promise.reject(refusal), () => online)

    await expect(queue.submit(visit('a'))).rejects.toBe(refusal)
    expect(queue.count()).toBe(0)
  })

  it('resends with the same clientId until it goes through, then forgets it', async () => {
    const sent: string[] = []
    let failures = 2
    const queue = new OfflineQueue(localStorage, async (v) => {
      sent.push(v.clientId)
      if (failures-- > 0) throw new NetworkError('offline')
    }, () => online)
    queue.enqueue(visit('same-id'))

    await queue.flush()
    await queue.flush()
    expect(queue.count()).toBe(1)
    expect(queue.pending()[0].attempts).toBe(2)
    await queue.flush()

    expect(sent).toEqual(['same-id', 'same-id', 'same-id'])
    expect(queue.count()).toBe(0)
  })

  it('sends in order and stops at the first network failure, keeping the rest', async () => {
    const sent: string[] = []
    const queue = new OfflineQueue(localStorage, async (v) => {
      if (v.clientId === 'b') throw new NetworkError('offline')
      sent.push(v.clientId)
    }, () => online)
    queue.enqueue(visit('a'))
    queue.enqueue(visit('b'))
    queue.enqueue(visit('c'))

    await queue.flush()

    expect(sent).toEqual(['a'])
    expect(queue.pending().map((p) => p.visit.clientId)).toEqual(['b', 'c'])
  })

  it('does not store the same clientId twice', () => {
    const queue = new OfflineQueue(localStorage, vi.fn(), () => online)
    queue.enqueue(visit('a'))
    queue.enqueue(visit('a'))
    expect(queue.count()).toBe(1)
  })

  it('moves a visit the service refuses for good out of the retry list, with its detail', async () => {
    const queue = new OfflineQueue(localStorage, () => Promise.reject(new ApiError(422, { status: 422, detail: 'not your customer' })), () => online)
    queue.enqueue(visit('a'))

    await queue.flush()

    expect(queue.count()).toBe(0)
    expect(queue.rejected()).toEqual([expect.objectContaining({ status: 422, detail: 'not your customer' })])
  })

  it('does not try while offline, and tells listeners when the count changes', async () => {
    online = false
    const send = vi.fn()
    const queue = new OfflineQueue(localStorage, send, () => online)
    const counts: number[] = []
    queue.onChange(() => counts.push(queue.count()))
    queue.enqueue(visit('a'))
    await queue.flush()
    expect(send).not.toHaveBeenCalled()

    online = true
    await queue.flush()

    expect(send).toHaveBeenCalledOnce()
    expect(counts).toEqual([1, 0])
  })

  it('survives a reload: a new queue on the same storage sees what waits', () => {
    new OfflineQueue(localStorage, vi.fn(), () => online).enqueue(visit('a'))
    expect(new OfflineQueue(localStorage, vi.fn(), () => online).count()).toBe(1)
  })
})
