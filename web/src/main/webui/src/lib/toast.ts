import { reactive } from 'vue'

export interface Toast {
  id: number
  text: string
  kind: 'info' | 'success' | 'error'
}

export const toasts = reactive<Toast[]>([])
let next = 1

export function toast(text: string, kind: Toast['kind'] = 'info', ms = 6000): void {
  const id = next++
  toasts.push({ id, text, kind })
  setTimeout(() => dismiss(id), ms)
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id)
  if (i >= 0) toasts.splice(i, 1)
}
