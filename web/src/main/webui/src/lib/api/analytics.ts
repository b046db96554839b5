import { all, request } from './http'
import type { ActivityRow, Alert, FunnelReport, PipelineReport } from './types'

export interface AlertQuery {
  status?: string
  type?: string
  severity?: string
  ownerId?: string
  team?: string
  customerId?: string
}

export const alerts = {
  list: (query: AlertQuery) => all<Alert>('analytics', '/alerts', { ...query }, 1000),
  acknowledge: (id: string, note?: string) => request<Alert>('analytics', `/alerts/${id}/acknowledge`, { body: { note } }),
  snooze: (id: string, until: string, reason: string) =>
    request<Alert>('analytics', `/alerts/${id}/snooze`, { body: { until, reason } }),
}

export interface ReportQuery {
  team?: string
  ownerId?: string
  from?: string
  to?: string
}

export const reports = {
  funnel: (q: ReportQuery = {}) => request<FunnelReport>('analytics', '/reports/funnel', { query: { ...q } }),
  pipeline: (q: ReportQuery = {}) => request<PipelineReport>('analytics', '/reports/pipeline', { query: { team: q.team, ownerId: q.ownerId } }),
  activity: (q: ReportQuery = {}) => request<{ items: ActivityRow[] }>('analytics', '/reports/activity', { query: { ...q } }),
}
