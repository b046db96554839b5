import { watch, type Ref } from 'vue'

/**
 * Keeps a form's input in sessionStorage while it is being filled, so a re-login after a 401 (a
 * full redirect to Keycloak and back) finds it again. Cleared once the form is sent.
 */
export function useDraft<T extends object>(key: string, form: Ref<T>): { clear: () => void } {
  const storageKey = `crm.draft.${key}`
  const saved = sessionStorage.getItem(storageKey)
  if (saved) {
    try {
      form.value = { ...form.value, ...JSON.parse(saved) }
    } catch {
      sessionStorage.removeItem(storageKey)
    }
  }
  watch(form, (value) => sessionStorage.setItem(storageKey, JSON.stringify(value)), { deep: true, flush: 'sync' })
  return { clear: () => sessionStorage.removeItem(storageKey) }
}
