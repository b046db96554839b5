import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatters } from './format'
import type { Locale } from './locale'

/** The formatters of the language currently chosen; they follow a switch at once. */
export function useFormat() {
  const { locale } = useI18n()
  const f = computed(() => formatters(locale.value as Locale))
  return f
}
