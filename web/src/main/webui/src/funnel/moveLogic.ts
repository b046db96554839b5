import { ApiError, type FieldError } from '@/lib/api/problem'
import type { Opportunity, Stage } from '@/lib/api/types'

const ORDER: Stage[] = ['TARGET', 'POTENTIAL', 'INTENT', 'PROJECT', 'ACKNOWLEDGED', 'NEGOTIATION', 'WON']

export type MoveOutcome =
  | { kind: 'unchanged' }
  | { kind: 'needsReason' }
  | { kind: 'moved'; opportunity: Opportunity }
  | { kind: 'refused'; missing: FieldError[]; detail: string }
  | { kind: 'failed'; error: unknown }

export function direction(from: Stage, to: Stage): 'forward' | 'back' | 'same' {
  const d = ORDER.indexOf(to) - ORDER.indexOf(from)
  return d === 0 ? 'same' : d > 0 ? 'forward' : 'back'
}

export type MoveCall = (id: string, stage: Stage, reason?: string) => Promise<Opportunity>

/**
 * Moves a card only once the service has accepted the move: a refusal (422, missing evidence) or
 * any other failure leaves the board exactly as it was. A move back needs a reason first.
 */
export async function moveCard(board: Opportunity[], id: string, to: Stage, reason: string | undefined, call: MoveCall): Promise<MoveOutcome> {
  const index = board.findIndex((o) => o.id === id)
  if (index < 0) return { kind: 'unchanged' }
  const card = board[index]
  const way = direction(card.stage, to)
  if (way === 'same') return { kind: 'unchanged' }
  if (way === 'back' && !reason?.trim()) return { kind: 'needsReason' }
  try {
    const moved = await call(id, to, way === 'back' ? reason!.trim() : undefined)
    const now = board.findIndex((o) => o.id === id)
    if (moved.status === 'OPEN') board.splice(now, 1, moved)
    else board.splice(now, 1)
    return { kind: 'moved', opportunity: moved }
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      return { kind: 'refused', missing: error.problem?.errors ?? [], detail: error.message }
    }
    return { kind: 'failed', error }
  }
}

/** Cards per open stage, in one pass, for the columns. */
export function columns(board: Opportunity[], stages: Stage[]): Record<string, Opportunity[]> {
  const out: Record<string, Opportunity[]> = Object.fromEntries(stages.map((s) => [s, []]))
  for (const o of board) out[o.stage]?.push(o)
  return out
}
