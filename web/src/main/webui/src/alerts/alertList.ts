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
 * Applies one event of the stream (`raised`, `changed`, `resolved`, data = the alert) to the list
 * shown: a matching alert is added or replaced in place, one that no longer matches leaves.
 */
export function applyAlertEvent(list: Alert[], event: SseEvent, filter: AlertQuery): Arrival {
  let alert: Alert
  try {
    alert = JSON.parse(event.data) as Alert
  } catch {
    return 'ignored'
  }
  if (!alert?.id) return 'ignored'
  const i = list.findIndex((a) => a.id === alert.id)
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

const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 }

/** Most severe first, then the newest. */
export function sortAlerts(list: Alert[]): Alert[] {
  return [...list].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.raisedAt.localeCompare(a.raisedAt))
}
