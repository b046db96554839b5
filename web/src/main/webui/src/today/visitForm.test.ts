import { describe, expect, it } from 'vitest'
import { toVisitRequest, type VisitFormState } from './visitForm'

const filled = (over: Partial<VisitFormState> = {}): VisitFormState => ({
  clientId: '5b0e3f7e-1c1a-4a55-9a43-3f3b8f0b2a11', customerId: 'c1', method: 'ONSITE', occurredAt: '2026-11-03T09:30',
  keyPersonIds: ['k1'], purpose: '确认预算', purposeAchieved: true, summary: ' 与王总沟通 ', customerFeedback: '',
  sentiment: 'POSITIVE', nextAction: '发送报价', dueOn: '2026-11-05', location: { lat: 30.27, lon: 120.15, accuracyMeters: 12 }, ...over,
})

describe('the visit request', () => {
  it('carries the form clientId, the key persons, purpose, next action and the on-site check-in', () => {
    const r = toVisitRequest(filled())
    expect(r).toMatchObject({
      clientId: '5b0e3f7e-1c1a-4a55-9a43-3f3b8f0b2a11', customerId: 'c1', method: 'ONSITE', summary: '与王总沟通',
      keyPersonIds: ['k1'], purpose: '确认预算', purposeAchieved: true, sentiment: 'POSITIVE',
      nextAction: { action: '发送报价', dueOn: '2026-11-05' }, location: { lat: 30.27, lon: 120.15, accuracyMeters: 12 },
    })
    // 09:30 on the business zone's clock (Shanghai, UTC+8), whatever zone the phone is in.
    expect(r.occurredAt).toBe('2026-11-03T01:30:00.000Z')
    expect(r).not.toHaveProperty('customerFeedback')
  })

  it('sends no location for a call and no next action without a due date', () => {
    const r = toVisitRequest(filled({ method: 'PHONE', dueOn: '' }))
    expect(r).not.toHaveProperty('location')
    expect(r).not.toHaveProperty('nextAction')
  })
})
