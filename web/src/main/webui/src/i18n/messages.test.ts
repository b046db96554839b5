import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

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
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
    for (const k of keys(en)) {
      const get = (m: object) => k.split('.').reduce((o: any, p) => o[p], m) as string
      expect(params(get(zhCN)), k).toEqual(params(get(en)))
    }
  })
})
