import { describe, expect, it } from 'vitest'
import type { KeyPerson } from '@/lib/api/types'
import { orgChart } from './orgChart'

const person = (id: string, reportsToId: string | null): KeyPerson => ({
  id, reportsToId, customerId: 'c', name: id, active: true, leftOn: null, version: 1, createdAt: '', updatedAt: '',
})

describe('orgChart', () => {
  it('puts each key person under whom they report to', () => {
    const roots = orgChart([person('ceo', null), person('cfo', 'ceo'), person('buyer', 'cfo'), person('cto', 'ceo')])
    expect(roots.map((r) => r.person.id)).toEqual(['ceo'])
    expect(roots[0].reports.map((r) => r.person.id)).toEqual(['cfo', 'cto'])
    expect(roots[0].reports[0].reports.map((r) => r.person.id)).toEqual(['buyer'])
  })

  it('shows everyone once even when reporting lines loop or point elsewhere', () => {
    const roots = orgChart([person('a', 'b'), person('b', 'a'), person('c', 'gone')])
    const all = (nodes: ReturnType<typeof orgChart>): string[] => nodes.flatMap((n) => [n.person.id, ...all(n.reports)])
    expect(all(roots).sort()).toEqual(['a', 'b', 'c'])
  })
})
