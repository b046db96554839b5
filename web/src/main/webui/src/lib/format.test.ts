import { describe, expect, it } from 'vitest'
import { addDays, businessDate, daysSince, formatters, quarterOf } from './format'

describe('formatters', () => {
  it('writes CNY amounts the way each language reads them', () => {
    expect(formatters('zh-CN').money(1234567)).toBe('¥1,234,567')
    expect(formatters('en').money(1234567)).toBe('CN¥1,234,567')
  })

  it('writes ratios as percentages (1.1 = 110%)', () => {
    expect(formatters('en').percent(1.1)).toBe('110%')
    expect(formatters('zh-CN').percent(0.725)).toBe('72.5%')
  })

  it('writes dates in China time in the chosen language', () => {
    expect(formatters('zh-CN').date('2026-11-03')).toBe('2026年11月3日')
    expect(formatters('en').date('2026-11-03')).toBe('Nov 3, 2026')
    // 23:30 UTC is already the next morning in Shanghai.
    expect(formatters('en').date('2026-11-03T23:30:00Z')).toBe('Nov 4, 2026')
  })

  it('shows a dash for a missing value', () => {
    expect(formatters('en').money(null)).toBe('—')
    expect(formatters('zh-CN').percent(undefined)).toBe('—')
  })

  it('groups large numbers per locale', () => {
    expect(formatters('en').number(12345)).toBe('12,345')
    expect(formatters('zh-CN').number(12345)).toBe('12,345')
  })
})

describe('dates', () => {
  it('counts whole days since an instant', () => {
    expect(daysSince('2026-11-01T00:00:00Z', Date.parse('2026-11-04T12:00:00Z'))).toBe(3)
  })

  it('takes the business day in China time', () => {
    expect(businessDate(new Date('2026-11-03T17:00:00Z'))).toBe('2026-11-04')
  })

  it('adds days across months and names quarters as goals do', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01')
    expect(quarterOf('2026-11-03')).toBe('2026-Q4')
    expect(quarterOf('2026-01-01')).toBe('2026-Q1')
  })
})
