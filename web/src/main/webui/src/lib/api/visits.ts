import { all, request, type Page } from './http'
import type { FollowUp, Visit, VisitPlan, VisitRequest } from './types'

export const visits = {
  log: (visit: VisitRequest) =>
    request<Visit>('visit', '/visits', { body: visit, headers: { 'Idempotency-Key': visit.clientId } }),
  ofCustomer: (customerId: string) => request<Page<Visit>>('visit', '/visits', { query: { customerId, limit: 100 } }),
}

export const followUps = {
  list: (query: { status?: string; assigneeId?: string; customerId?: string; dueBefore?: string }) =>
    all<FollowUp>('visit', '/follow-ups', query, 400),
  complete: (id: string, result: string) => request<FollowUp>('visit', `/follow-ups/${id}/complete`, { body: { result } }),
}

export const visitPlans = {
  get: (date: string) => request<VisitPlan>('visit', `/visit-plans/${date}`),
  put: (date: string, customerIds: string[]) =>
    request<VisitPlan>('visit', `/visit-plans/${date}`, { method: 'PUT', body: { customerIds } }),
}
