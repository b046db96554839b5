import type { KeyPerson } from '@/lib/api/types'

export interface PersonNode {
  person: KeyPerson
  reports: PersonNode[]
}

/** Key persons under whom they report to; a reporting line that loops or leaves the customer starts a new root. */
export function orgChart(persons: KeyPerson[]): PersonNode[] {
  const nodes = new Map(persons.map((p) => [p.id, { person: p, reports: [] as PersonNode[] }]))
  const roots: PersonNode[] = []
  for (const node of nodes.values()) {
    const boss = node.person.reportsToId ? nodes.get(node.person.reportsToId) : undefined
    if (boss && !reportsTo(boss.person, node.person.id, nodes)) boss.reports.push(node)
    else roots.push(node)
  }
  return roots
}

/** Whether `person` is (indirectly) below `id`, which would make a cycle. */
function reportsTo(person: KeyPerson, id: string, nodes: Map<string, PersonNode>): boolean {
  const seen = new Set<string>()
  let current: KeyPerson | undefined = person
  while (current?.reportsToId && !seen.has(current.id)) {
    if (current.reportsToId === id) return true
    seen.add(current.id)
    current = nodes.get(current.reportsToId)?.person
  }
  return false
}
