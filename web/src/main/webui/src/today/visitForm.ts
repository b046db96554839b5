import type { Sentiment, VisitMethod, VisitRequest } from '@/lib/api/types'

export interface VisitFormState {
  clientId: string
  customerId: string
  method: VisitMethod
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
    occurredAt: new Date(form.occurredAt).toISOString(),
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

/** `datetime-local` value of now, in the phone's own time zone. */
export function localNow(now: Date = new Date()): string {
  const shifted = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return shifted.toISOString().slice(0, 16)
}
