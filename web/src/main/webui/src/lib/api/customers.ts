import { all, request, type Page } from './http'
import type { Customer, CustomerChange, KeyPerson, Opportunity, Stage, StageChange } from './types'

export const customers = {
  get: (id: string) => request<Customer>('customer', `/customers/${id}`),
  search: (q: string, pool = false) =>
    request<Page<Customer>>('customer', '/customers', { query: { q, pool: pool || undefined, limit: 50 } }),
  mine: (ownerId: string) => request<Page<Customer>>('customer', '/customers', { query: { ownerId, limit: 200 } }),
  claim: (id: string) => request<Customer>('customer', `/customers/${id}/claim`, { body: {} }),
  release: (id: string, reason: string) => request<Customer>('customer', `/customers/${id}/release`, { body: { reason } }),
  transfer: (id: string, toOwnerId: string, toTeam: string, reason: string) =>
    request<Customer>('customer', `/customers/${id}/transfer`, { body: { toOwnerId, toTeam, reason } }),
  history: (id: string) => request<Page<CustomerChange>>('customer', `/customers/${id}/history`, { query: { limit: 100 } }),
  keyPersons: (id: string) => all<KeyPerson>('customer', `/customers/${id}/key-persons`),
}

export const opportunities = {
  open: (query: { ownerId?: string; customerId?: string } = {}) =>
    all<Opportunity>('customer', '/opportunities', { status: 'OPEN', ...query }, 2000),
  ofCustomer: (customerId: string) => all<Opportunity>('customer', '/opportunities', { customerId }),
  move: (id: string, stage: Stage, reason?: string) =>
    request<Opportunity>('customer', `/opportunities/${id}/stage`, { body: reason ? { stage, reason } : { stage } }),
  history: (id: string) => request<Page<StageChange>>('customer', `/opportunities/${id}/history`, { query: { limit: 100 } }),
}
