import type { Goal } from '@/lib/api/types'

export interface GoalNode {
  goal: Goal
  children: GoalNode[]
}

const LEVEL_ORDER = { COMPANY: 0, REGION: 1, TEAM: 2, PRODUCT: 3, REP: 4 }

/** The decomposition as the services link it (parentId); a goal whose parent the caller cannot see is a root. */
export function goalTree(goals: Goal[]): GoalNode[] {
  const nodes = new Map(goals.map((g) => [g.id, { goal: g, children: [] as GoalNode[] }]))
  const roots: GoalNode[] = []
  for (const node of nodes.values()) {
    const parent = node.goal.parentId ? nodes.get(node.goal.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: GoalNode[]) => {
    list.sort((a, b) => LEVEL_ORDER[a.goal.scope.level] - LEVEL_ORDER[b.goal.scope.level]
      || a.goal.metric.localeCompare(b.goal.metric) || a.goal.scope.id.localeCompare(b.goal.scope.id))
    list.forEach((n) => sort(n.children))
  }
  sort(roots)
  return roots
}

/** Depth-first rows with their depth, for a table that indents the tree. */
export function flatten(nodes: GoalNode[], depth = 0): { goal: Goal; depth: number }[] {
  return nodes.flatMap((n) => [{ goal: n.goal, depth }, ...flatten(n.children, depth + 1)])
}
