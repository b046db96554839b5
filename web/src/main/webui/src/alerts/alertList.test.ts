import { describe, expect, it } from 'vitest'
import type { Alert } from '@/lib/api/types'
import { applyAlertEvent, sortAlerts } from './alertList'

const alert = (id: string, over: Partial<Alert> = {}): Alert => ({
  id, type: 'STALLED_OPPORTUNITY', subjectId: 's', customerId: 'c', ownerId: 'rep-east-1', ownerTeam: 'east',
  severity: 'MEDIUM', reasons: [], status: 'OPEN', raisedAt: '2026-11-03T09:00:00Z', resolvedAt: null, ...over,
})
const event = (name: string, a: Alert) => ({ id: '1', event: name, data: JSON.stringify(a) })

describe('live alert arrivals', () => {
  it('adds a raised alert to the open list without a reload', () => {
    const list = [alert('a')]
    expect(applyAlertEvent(list, event('raised', alert('b')), { status: 'OPEN' })).toBe('added')
    expect(list.map((a) => a.id)).toEqual(['b', 'a'])
  })

  it('replaces a changed alert in place', () => {
    const list = [alert('a')]
    applyAlertEvent(list, event('changed', alert('a', { severity: 'HIGH' })), { status: 'OPEN' })
    expect(list).toHaveLength(1)
    expect(list[0].severity).toBe('HIGH')
  })

  it('merges a changed notice over the alert shown, keeping what the notice leaves out', () => {
    const list = [alert('a', { raisedAt: '2026-11-01T00:00:00Z', reasons: [{ code: 'IDLE', message: 'idle', value: 20, threshold: 14 }] })]
    const notice = { id: 'a', alertId: 'a', type: 'STALLED_OPPORTUNITY', status: 'SNOOZED', severity: 'MEDIUM', snoozedUntil: '2026-11-10T01:00:00Z', ownerTeam: 'east' }
    applyAlertEvent(list, { id: '2', event: 'changed', data: JSON.stringify(notice) }, {})
    expect(list[0]).toMatchObject({ status: 'SNOOZED', raisedAt: '2026-11-01T00:00:00Z', reasons: [{ code: 'IDLE' }] })
  })

  it('takes a resolved alert off the open list', () => {
    const list = [alert('a'), alert('b')]
    expect(applyAlertEvent(list, event('resolved', alert('a', { status: 'RESOLVED' })), { status: 'OPEN' })).toBe('removed')
    expect(list.map((a) => a.id)).toEqual(['b'])
  })

  it('ignores an arrival outside the chosen filters, and data that is not an alert', () => {
    const list: Alert[] = []
    expect(applyAlertEvent(list, event('raised', alert('x', { type: 'CHURN_RISK' })), { status: 'OPEN', type: 'STALLED_OPPORTUNITY' })).toBe('ignored')
    expect(applyAlertEvent(list, { id: null, event: 'raised', data: 'not json' }, {})).toBe('ignored')
    expect(list).toEqual([])
  })

  it('shows the most severe first, then the newest', () => {
    const sorted = sortAlerts([
      alert('low', { severity: 'LOW' }),
      alert('high-old', { severity: 'HIGH', raisedAt: '2026-11-01T00:00:00Z' }),
      alert('high-new', { severity: 'HIGH', raisedAt: '2026-11-02T00:00:00Z' }),
    ])
    expect(sorted.map((a) => a.id)).toEqual(['high-new', 'high-old', 'low'])
  })
})
