import type { Locale } from './locale'

/** Numbers, money, ratios and dates in the reader's language; every page formats through these. */
export function formatters(locale: Locale) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const cny = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' })
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai',
  })
  const orDash = <T>(v: T | null | undefined, f: (v: T) => string) => (v === null || v === undefined ? '—' : f(v))
  return {
    number: (n: number | null | undefined) => orDash(n, (v) => integer.format(v)),
    decimal: (n: number | null | undefined) => orDash(n, (v) => decimal.format(v)),
    /** Amounts in CNY unless the record says otherwise. */
    money: (n: number | null | undefined, currency = 'CNY') =>
      orDash(n, (v) =>
        currency === 'CNY'
          ? cny.format(v)
          : new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(v)),
    /** Rates are ratios (1.1 = 110%). */
    percent: (ratio: number | null | undefined) => orDash(ratio, (v) => percent.format(v)),
    date: (iso: string | null | undefined) => orDash(iso, (v) => date.format(new Date(v.length === 10 ? `${v}T12:00:00+08:00` : v))),
    dateTime: (iso: string | null | undefined) => orDash(iso, (v) => dateTime.format(new Date(v))),
  }
}

export type Formatters = ReturnType<typeof formatters>

/** Whole days between an instant and now, as a card shows "days in stage". */
export function daysSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000))
}

/** Today's date (YYYY-MM-DD) in China time, the business day of the teams. */
export function businessDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The quarter a date falls in, written as goals write periods (2026-Q4). */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number)
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
}
