import { businessTimeZone } from './config'
import type { Locale } from './locale'

/** Numbers, money, ratios and dates in the reader's language, instants in the business zone; every page formats through these. */
export function formatters(locale: Locale, zone: string = businessTimeZone()) {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const cny = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: zone })
  // A date without a time (2026-11-03) is that calendar day wherever it is read: written at UTC midnight, read in UTC.
  const day = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone,
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
    date: (iso: string | null | undefined) =>
      orDash(iso, (v) => (v.length === 10 ? day.format(new Date(`${v}T00:00:00Z`)) : date.format(new Date(v)))),
    dateTime: (iso: string | null | undefined) => orDash(iso, (v) => dateTime.format(new Date(v))),
  }
}

export type Formatters = ReturnType<typeof formatters>

/** Whole days between an instant and now, as a card shows "days in stage". */
export function daysSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000))
}

/** Today's date (YYYY-MM-DD) in the business zone, the day the services count in. */
export function businessDate(now: Date = new Date(), zone: string = businessTimeZone()): string {
  return wallClock(now, zone).slice(0, 10)
}

/** Now as a `datetime-local` value (YYYY-MM-DDTHH:mm) on the business zone's clock, whatever the phone's zone. */
export function businessDateTimeLocal(now: Date = new Date(), zone: string = businessTimeZone()): string {
  return wallClock(now, zone).slice(0, 16)
}

/**
 * The instant (ISO, UTC) at which the business zone's clock reads `local` (YYYY-MM-DDTHH:mm[:ss]), as a
 * `datetime-local` or a date plus a time of day is meant; the phone's own zone plays no part.
 */
export function businessInstant(local: string, zone: string = businessTimeZone()): string {
  const [date, time = '00:00'] = local.split('T')
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm, ss = 0] = time.split(':').map(Number)
  const asUtc = Date.UTC(y, m - 1, d, hh, mm, ss)
  // The offset at the first guess can differ from the one at the answer across a daylight-saving change.
  const first = asUtc - offsetAt(asUtc, zone)
  return new Date(asUtc - offsetAt(first, zone)).toISOString()
}

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
export function offsetAt(epochMs: number, zone: string = businessTimeZone()): number {
  const whole = Math.floor(epochMs / 1000) * 1000
  return Date.parse(`${wallClock(new Date(whole), zone)}Z`) - whole
}

/** The zone's name in the reader's language (China Standard Time, 中国标准时间). */
export function zoneName(locale: Locale, zone: string = businessTimeZone(), now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' }).formatToParts(now)
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone
}

const clocks = new Map<string, Intl.DateTimeFormat>()

/** YYYY-MM-DDTHH:mm:ss as a clock in `zone` reads at `instant`. */
function wallClock(instant: Date, zone: string): string {
  let clock = clocks.get(zone)
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    })
    clocks.set(zone, clock)
  }
  const p = Object.fromEntries(clock.formatToParts(instant).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
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
