import { describe, expect, it } from 'vitest'
import type { Goal } from '@/lib/api/types'
import { flatten, goalTree } from './goalTree'

const goal = (id: string, level: Goal['scope']['level'], parentId: string | null): Goal => ({
  id, parentId, period: '2026-Q4', metric: 'REVENUE', scope: { level, id }, target: 100, childrenTotal: 0,
  decompositionGap: 0, acknowledgedAt: null, acknowledgedBy: null, version: 1, createdAt: '', updatedAt: '',
})

describe('goalTree', () => {
  it('nests goals under their parents, company first', () => {
    const rows = flatten(goalTree([goal('rep1', 'REP', 'east'), goal('east', 'TEAM', 'co'), goal('co', 'COMPANY', null)]))
    expect(rows.map((r) => [r.goal.id, r.depth])).toEqual([['co', 0], ['east', 1], ['rep1', 2]])
  })

  it('starts at the highest goal the caller may see', () => {
    const rows = flatten(goalTree([goal('rep1', 'REP', 'east'), goal('east', 'TEAM', 'hidden-company')]))
    expect(rows.map((r) => [r.goal.id, r.depth])).toEqual([['east', 0], ['rep1', 1]])
  })
})
