import type { Sentiment, VisitMethod, VisitRequest } from '@/lib/api/types'
import { businessInstant } from '@/lib/format'

export interface VisitFormState {
  clientId: string
  customerId: string
  method: VisitMethod
  /** `datetime-local` value on the business zone's clock, as the form shows it. */
  occurredAt: string
  keyPersonIds: string[]
  purpose: string
  purposeAchieved: boolean
  summary: string
  customerFeedback: string
  sentiment: Sentiment | ''
  nextAction: string
  dueOn: string
  location: { lat: number; lon: number; accuracyMeters?: number } | null
}

/** The request body for a filled form; empty optional fields are left out, the check-in only on site. */
export function toVisitRequest(form: VisitFormState): VisitRequest {
  const request: VisitRequest = {
    clientId: form.clientId,
    customerId: form.customerId,
    method: form.method,
    occurredAt: businessInstant(form.occurredAt),
    summary: form.summary.trim(),
  }
  if (form.keyPersonIds.length) request.keyPersonIds = [...form.keyPersonIds]
  if (form.purpose.trim()) {
    request.purpose = form.purpose.trim()
    request.purposeAchieved = form.purposeAchieved
  }
  if (form.customerFeedback.trim()) request.customerFeedback = form.customerFeedback.trim()
  if (form.sentiment) request.sentiment = form.sentiment
  if (form.nextAction.trim() && form.dueOn) request.nextAction = { action: form.nextAction.trim(), dueOn: form.dueOn }
  if (form.method === 'ONSITE' && form.location) request.location = { ...form.location }
  return request
}
