import { reactive } from 'vue'
import { customers } from './api/customers'

/**
 * Customer names for lists that carry only a customerId (alerts, opportunities, follow-ups): one
 * GET /customers/{id} per customer, shared by every page, a few at a time.
 */
export const customerNames = reactive<Record<string, string>>({})
const requested = new Set<string>()
const queue: string[] = []
let running = 0
const PARALLEL = 4

export function rememberCustomer(id: string, name: string): void {
  customerNames[id] = name
  requested.add(id)
}

export function loadCustomerNames(ids: Iterable<string>): void {
  for (const id of ids) {
    if (!id || requested.has(id)) continue
    requested.add(id)
    queue.push(id)
  }
  pump()
}

function pump(): void {
  while (running < PARALLEL && queue.length > 0) {
    const id = queue.shift()!
    running++
    customers.get(id)
      .then((c) => { customerNames[id] = c.name })
      .catch(() => { /* out of reach or gone: the id stays shown */ })
      .finally(() => { running--; pump() })
  }
}

export function customerName(id: string | null | undefined): string {
  if (!id) return '—'
  return customerNames[id] ?? `${id.slice(0, 8)}…`
}

/** The name once known (fetched now if need be), for a message that should not show an id. */
export async function ensureCustomerName(id: string): Promise<string> {
  if (customerNames[id]) return customerNames[id]
  try {
    const c = await customers.get(id)
    rememberCustomer(id, c.name)
    return c.name
  } catch {
    return customerName(id)
  }
}
