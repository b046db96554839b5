import type { AlertReason } from '@/lib/api/types'
import type { Formatters } from '@/lib/format'

type Translate = (key: string, params: Record<string, unknown>, plural: number) => string

/**
 * A reason in plain words with its numbers; a code the app does not know yet shows the service's message.
 * The value counts what the text names (days, follow-ups), so it picks the singular or plural form.
 */
export function reasonText(r: AlertReason, t: Translate, f: Formatters): string {
  const key = `alerts.reason.${r.code}`
  const text = t(key, { value: f.decimal(r.value), threshold: f.decimal(r.threshold) }, r.value ?? 0)
  return text === key ? r.message : text
}
