import type { Alert } from '@/lib/api/types'
import type { AlertQuery } from '@/lib/api/analytics'
import type { SseEvent } from '@/lib/sse'

/** Whether an alert belongs on the page under the chosen filters (the server filters the first read). */
export function matches(alert: Alert, filter: AlertQuery): boolean {
  return (!filter.status || alert.status === filter.status)
    && (!filter.type || alert.type === filter.type)
    && (!filter.severity || alert.severity === filter.severity)
    && (!filter.ownerId || alert.ownerId === filter.ownerId)
    && (!filter.team || alert.ownerTeam === filter.team)
}

export type Arrival = 'added' | 'updated' | 'removed' | 'ignored'

/**
 * Applies one event of the stream (`raised`, `changed`, `resolved`; data = the alert's notice) to
 * the list shown: a matching alert is added or updated in place, one that no longer matches leaves.
 * A notice carries only what the transition knows (a `resolved` one has no reasons, a `changed`
 * one no raisedAt), so it is merged over the alert already shown.
 */
export function applyAlertEvent(list: Alert[], event: SseEvent, filter: AlertQuery): Arrival {
  let notice: Partial<Alert> & { occurredAt?: string }
  try {
    notice = JSON.parse(event.data)
  } catch {
    return 'ignored'
  }
  if (!notice?.id) return 'ignored'
  const i = list.findIndex((a) => a.id === notice.id)
  const alert: Alert = i >= 0
    ? { ...list[i], ...defined(notice) }
    : { reasons: [], severity: 'LOW', raisedAt: notice.occurredAt ?? new Date().toISOString(), resolvedAt: null, ...defined(notice) } as Alert
  if (matches(alert, filter)) {
    if (i >= 0) {
      list.splice(i, 1, alert)
      return 'updated'
    }
    list.unshift(alert)
    return 'added'
  }
  if (i >= 0) {
    list.splice(i, 1)
    return 'removed'
  }
  return 'ignored'
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>
}

const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 }

/** Most severe first, then the newest. */
export function sortAlerts(list: Alert[]): Alert[] {
  return [...list].sort((a, b) =>
    (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || (b.raisedAt ?? '').localeCompare(a.raisedAt ?? ''))
}
