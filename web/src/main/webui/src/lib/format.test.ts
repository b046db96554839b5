import { afterEach, describe, expect, it, vi } from 'vitest'
import { setConfig, type AppConfig } from './config'
import { addDays, businessDate, businessDateTimeLocal, businessInstant, daysSince, formatters, quarterOf } from './format'

const withZone = (timeZone?: string): AppConfig => ({
  oidc: { authority: 'http://kc/realms/crm', clientId: 'crm-web' },
  api: { customer: '', visit: '', target: '', analytics: '' },
  testLogin: false,
  timeZone,
})

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

describe('the business zone', () => {
  afterEach(() => {
    setConfig(withZone())
    vi.unstubAllEnvs()
  })

  it('reads the clock and the day in Shanghai when the configuration names no zone, on a phone in another zone', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles')
    setConfig(withZone())
    const late = new Date('2026-11-03T23:30:00Z')
    expect(businessDate(late)).toBe('2026-11-04')
    expect(businessDateTimeLocal(late)).toBe('2026-11-04T07:30')
    expect(businessInstant('2026-11-04T07:30')).toBe('2026-11-03T23:30:00.000Z')
    expect(businessInstant('2026-11-04T00:00')).toBe('2026-11-03T16:00:00.000Z')
  })

  it('follows the zone the server configures, across its daylight-saving change', () => {
    setConfig(withZone('Europe/Berlin'))
    expect(businessDate(new Date('2026-11-03T23:30:00Z'))).toBe('2026-11-04')
    expect(businessDateTimeLocal(new Date('2026-07-01T10:00:00Z'))).toBe('2026-07-01T12:00')
    expect(businessInstant('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z')
    expect(businessInstant('2026-12-01T12:00')).toBe('2026-12-01T11:00:00.000Z')
    // Berlin moves its clocks on 29 March 2026 at 02:00 UTC+1.
    expect(businessInstant('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z')
    expect(businessInstant('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(formatters('en').dateTime('2026-07-01T10:00:00Z')).toBe('Jul 1, 2026, 12:00 PM')
  })

  it('keeps Shanghai when the configured zone is one the browser does not know', () => {
    setConfig(withZone('Mars/Olympus_Mons'))
    expect(businessDateTimeLocal(new Date('2026-11-03T23:30:00Z'))).toBe('2026-11-04T07:30')
  })

  it('shows a date without a time as that calendar day in any zone', () => {
    setConfig(withZone('America/Los_Angeles'))
    expect(formatters('en').date('2026-11-03')).toBe('Nov 3, 2026')
    expect(formatters('en').date('2026-11-03T23:30:00Z')).toBe('Nov 3, 2026')
  })
})
