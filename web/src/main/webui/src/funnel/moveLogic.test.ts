import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/lib/api/problem'
import type { Opportunity, Stage } from '@/lib/api/types'
import { columns, direction, moveCard } from './moveLogic'

const opp = (id: string, stage: Stage): Opportunity => ({
  id, stage, status: 'OPEN', customerId: 'c', name: id, amount: 1000, currency: 'CNY', expectedCloseDate: '2026-12-31',
  probability: 10, stageEnteredAt: '2026-10-01T00:00:00Z', ownerId: 'rep-east-1', ownerTeam: 'east', version: 1,
  createdAt: '', updatedAt: '',
})

describe('moving a card', () => {
  it('keeps the card where it was and lists the missing evidence when the service refuses (422)', async () => {
    const board = [opp('a', 'INTENT'), opp('b', 'TARGET')]
    const before = structuredClone(board)
    const refusal = new ApiError(422, {
      status: 422, detail: 'Moving to PROJECT needs: budget, decisionMaker',
      errors: [
        { field: 'budget', rule: 'evidence', message: 'PROJECT or later needs a budget above 0' },
        { field: 'decisionMaker', rule: 'evidence', message: 'needs an active decision maker' },
      ],
    })

    const outcome = await moveCard(board, 'a', 'PROJECT', undefined, () => Promise.reject(refusal))

    expect(outcome).toEqual({ kind: 'refused', missing: refusal.problem!.errors, detail: refusal.message })
    expect(board).toEqual(before)
  })

  it('moves the card to what the service answered once it accepts', async () => {
    const board = [opp('a', 'INTENT')]
    const call = vi.fn(async (id: string, stage: Stage) => ({ ...opp(id, stage), version: 2 }))

    const outcome = await moveCard(board, 'a', 'PROJECT', undefined, call)

    expect(outcome.kind).toBe('moved')
    expect(call).toHaveBeenCalledWith('a', 'PROJECT', undefined)
    expect(board[0].stage).toBe('PROJECT')
    expect(board[0].version).toBe(2)
  })

  it('asks for a reason before moving back, and sends it', async () => {
    const board = [opp('a', 'PROJECT')]
    const call = vi.fn(async (id: string, stage: Stage) => opp(id, stage))

    expect(await moveCard(board, 'a', 'INTENT', undefined, call)).toEqual({ kind: 'needsReason' })
    expect(await moveCard(board, 'a', 'INTENT', '   ', call)).toEqual({ kind: 'needsReason' })
    expect(call).not.toHaveBeenCalled()

    await moveCard(board, 'a', 'INTENT', ' 预算冻结 ', call)
    expect(call).toHaveBeenCalledWith('a', 'INTENT', '预算冻结')
    expect(board[0].stage).toBe('INTENT')
  })

  it('leaves the board as it was on any other failure', async () => {
    const board = [opp('a', 'TARGET')]
    const outcome = await moveCard(board, 'a', 'POTENTIAL', undefined, () => Promise.reject(new ApiError(409, null)))
    expect(outcome.kind).toBe('failed')
    expect(board[0].stage).toBe('TARGET')
  })

  it('does nothing when dropped on its own column', async () => {
    const call = vi.fn()
    expect(await moveCard([opp('a', 'TARGET')], 'a', 'TARGET', undefined, call)).toEqual({ kind: 'unchanged' })
    expect(call).not.toHaveBeenCalled()
  })

  it('takes a won deal off the open board', async () => {
    const board = [opp('a', 'NEGOTIATION')]
    await moveCard(board, 'a', 'WON', undefined, async (id) => ({ ...opp(id, 'WON'), status: 'WON' }))
    expect(board).toEqual([])
  })

  it('knows forward from back along the funnel', () => {
    expect(direction('TARGET', 'NEGOTIATION')).toBe('forward')
    expect(direction('PROJECT', 'POTENTIAL')).toBe('back')
    expect(direction('WON', 'WON')).toBe('same')
  })

  it('groups cards by stage', () => {
    const c = columns([opp('a', 'TARGET'), opp('b', 'INTENT'), opp('c', 'TARGET')], ['TARGET', 'INTENT', 'PROJECT'])
    expect(c.TARGET.map((o) => o.id)).toEqual(['a', 'c'])
    expect(c.INTENT.map((o) => o.id)).toEqual(['b'])
    expect(c.PROJECT).toEqual([])
  })
})
