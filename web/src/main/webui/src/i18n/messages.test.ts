import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'
import { makeI18n } from '.'
import { applyLocale } from '../lib/locale'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('messages', () => {
  it('has every key in both languages', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })

  it('has no empty text in either language, except deliberately blank column heads', () => {
    const blank = (m: object) => keys(m).filter((k) => !k.endsWith('.actions')
      && !k.split('.').reduce((o: any, p) => o[p], m))
    expect(blank(en)).toEqual([])
    expect(blank(zhCN)).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    // An English text in two forms (singular | plural) names its placeholders twice.
    const params = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort()
    for (const k of keys(en)) {
      const get = (m: object) => k.split('.').reduce((o: any, p) => o[p], m) as string
      expect(params(get(zhCN)), k).toEqual(params(get(en)))
    }
  })

  it('gives every English text that counts something a singular and a plural form', () => {
    const get = (k: string) => k.split('.').reduce((o: any, p) => o[p], en) as string
    // A number placeholder followed by a plural noun ("{n} alerts", "{value} overdue follow-ups"); units stay as they are.
    const counted = keys(en).filter((k) => /\{\w+\}( overdue)? (?!ms\b|vs\b)[a-z-]+s\b/.test(get(k)))
    expect(counted.length).toBeGreaterThan(5)
    for (const k of counted) expect(get(k).split(' | '), k).toHaveLength(2)
  })
})

describe('counts', () => {
  const t = (locale: 'en' | 'zh-CN') => {
    applyLocale(locale)
    return makeI18n().global.t
  }

  it('reads "1 alert", "2 alerts" and "0 alerts" in English', () => {
    const en = t('en')
    expect(en('alerts.count', { n: '1' }, 1)).toBe('1 alert')
    expect(en('alerts.count', { n: '2' }, 2)).toBe('2 alerts')
    expect(en('alerts.count', { n: '0' }, 0)).toBe('0 alerts')
    expect(en('alerts.count', { n: '1,200' }, 1200)).toBe('1,200 alerts')
    expect(en('funnel.cards', { n: '1' }, 1)).toBe('1 deal')
    expect(en('funnel.rendered', { n: '1', ms: '12' }, 1)).toBe('Rendered 1 card in 12 ms')
    expect(en('alerts.reason.OVERDUE_FOLLOW_UPS', { value: '1' }, 1)).toBe('1 overdue follow-up')
    expect(en('alerts.reason.PAST_CLOSE_DATE', { value: '1' }, 1)).toBe('1 day past the expected close date')
    expect(en('alerts.reason.DWELL', { value: '1.5', threshold: '1' }, 1.5)).toBe('1.5 days in this stage (team norm 1)')
  })

  it('keeps the one form in 中文 whatever the count', () => {
    const zh = t('zh-CN')
    expect(zh('alerts.count', { n: '1' }, 1)).toBe('共 1 条预警')
    expect(zh('alerts.count', { n: '2' }, 2)).toBe('共 2 条预警')
    expect(zh('alerts.reason.OVERDUE_FOLLOW_UPS', { value: '1' }, 1)).toBe('1 项跟进已逾期')
  })
})
