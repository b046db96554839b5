export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']
const KEY = 'crm.lang'

let current: Locale | null = null

function readStored(): Locale {
  try {
    const stored = localStorage.getItem(KEY)
    if (stored === 'zh-CN' || stored === 'en') return stored
  } catch {
    // storage can be unavailable (private mode); the default applies
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

export function currentLocale(): Locale {
  current ??= readStored()
  return current
}

/** Remembers the choice and sets `<html lang>`, which screen readers and tests read. */
export function applyLocale(locale: Locale): void {
  current = locale
  try {
    localStorage.setItem(KEY, locale)
  } catch {
    // not remembered, still applied
  }
  document.documentElement.lang = locale
}
