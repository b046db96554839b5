import { all, request, type Page } from './http'
import type { Evaluation, Goal, GoalProgress, LeaderboardEntry, Metric, ScopeLevel } from './types'

export interface NewGoal {
  period: string
  metric: Metric
  scope: { level: ScopeLevel; id: string }
  target: number
  parentId?: string
}

export const goals = {
  list: (period?: string) => all<Goal>('target', '/goals', { period }),
  progress: (id: string) => request<GoalProgress>('target', `/goals/${id}/progress`),
  create: (goal: NewGoal) => request<Goal>('target', '/goals', { body: goal }),
  acknowledge: (id: string) => request<Goal>('target', `/goals/${id}/acknowledge`, { body: {} }),
}

export const leaderboards = {
  get: (period: string, metric: Metric = 'REVENUE') =>
    request<Page<LeaderboardEntry>>('target', '/leaderboards', { query: { period, metric } }),
}

export const evaluations = {
  list: (period?: string) => all<Evaluation>('target', '/evaluations', { period }),
  answer: (e: Evaluation, repFeedback: string) =>
    request<Evaluation>('target', `/evaluations/${e.id}`, {
      method: 'PATCH',
      body: { repFeedback },
      headers: { 'If-Match': String(e.version) },
    }),
}
