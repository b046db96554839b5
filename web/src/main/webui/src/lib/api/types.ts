// Hand-written from ../shared/API.md and the services' views; to be replaced by a client generated
// from the services' OpenAPI once they export it in the build.

export type Stage = 'TARGET' | 'POTENTIAL' | 'INTENT' | 'PROJECT' | 'ACKNOWLEDGED' | 'NEGOTIATION' | 'WON'
export const OPEN_STAGES: Stage[] = ['TARGET', 'POTENTIAL', 'INTENT', 'PROJECT', 'ACKNOWLEDGED', 'NEGOTIATION']

interface Resource {
  id: string
  version: number
  createdAt: string
  updatedAt: string
}

export interface Customer extends Resource {
  name: string
  industry?: string | null
  region?: string | null
  scale?: string | null
  source?: string | null
  phone?: string | null
  creditCode?: string | null
  address?: string | null
  grade: 'A' | 'B' | 'C'
  ownerId: string | null
  ownerTeam: string | null
  inPool: boolean
  lastContactAt: string | null
}

export interface CustomerChange {
  at: string
  by: string
  change: 'CREATED' | 'UPDATED' | 'OWNER_CHANGED' | 'RELEASED' | 'CLAIMED' | 'RECLAIMED'
  details: Record<string, unknown> | null
}

export interface KeyPerson extends Resource {
  customerId: string
  name: string
  title?: string | null
  department?: string | null
  kpType?: 'DECISION_MAKER' | 'RECOMMENDER' | 'FACILITATOR' | 'OTHER' | null
  buyingRole?: string | null
  attitude?: 'SUPPORTER' | 'NEUTRAL' | 'OPPONENT' | null
  reportsToId: string | null
  active: boolean
  leftOn: string | null
}

export interface Opportunity extends Resource {
  customerId: string
  name: string
  amount: number
  currency: string
  productLine?: string | null
  expectedCloseDate: string
  stage: Stage
  status: 'OPEN' | 'WON' | 'LOST'
  probability: number
  stageEnteredAt: string
  budget?: number | null
  quoteAmount?: number | null
  ownerId: string
  ownerTeam: string
}

export interface StageChange {
  id: string
  from: Stage | null
  to: Stage
  at: string
  by: string
  reason: string | null
  backward: boolean
  daysInStage: number | null
}

export type VisitMethod = 'ONSITE' | 'PHONE' | 'VIDEO' | 'MESSAGE' | 'EMAIL' | 'EVENT'
export type Sentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE'

export interface VisitRequest {
  clientId: string
  customerId: string
  method: VisitMethod
  occurredAt: string
  summary: string
  keyPersonIds?: string[]
  purpose?: string
  purposeAchieved?: boolean
  customerFeedback?: string
  sentiment?: Sentiment
  location?: { lat: number; lon: number; accuracyMeters?: number }
  nextAction?: { action: string; dueOn: string }
}

export interface Visit extends Resource {
  clientId: string | null
  customerId: string
  ownerId: string
  method: VisitMethod
  occurredAt: string
  summary: string
  purpose?: string | null
  purposeAchieved?: boolean | null
  sentiment?: Sentiment | null
  customerFeedback?: string | null
  effective: boolean
  lateEntry: boolean
}

export interface FollowUp extends Resource {
  customerId: string
  opportunityId: string | null
  assigneeId: string
  action: string
  dueOn: string
  status: 'OPEN' | 'DONE' | 'OVERDUE'
  result: string | null
}

export interface VisitPlan {
  date: string
  ownerId: string
  customerIds: string[]
  planned: number
  visited: number
  effective: number
  quota: number
}

export type Metric = 'REVENUE' | 'NEW_CUSTOMERS' | 'VISITS' | 'EFFECTIVE_VISITS' | 'WON_DEALS'
export type ScopeLevel = 'COMPANY' | 'REGION' | 'TEAM' | 'PRODUCT' | 'REP'

export interface Goal extends Resource {
  period: string
  metric: Metric
  scope: { level: ScopeLevel; id: string }
  target: number
  parentId: string | null
  childrenTotal: number
  decompositionGap: number
  acknowledgedAt: string | null
  acknowledgedBy: string | null
}

export interface GoalProgress {
  goalId: string
  target: number
  actual: number
  achievementRate: number
  expectedByNow: number
  pace: 'AHEAD' | 'ON_TRACK' | 'BEHIND'
}

export interface LeaderboardEntry {
  rank: number
  repId: string
  team: string
  actual: number
  target: number | null
  achievementRate: number | null
}

export interface Evaluation extends Resource {
  repId: string
  period: string
  targetRevenue: number
  actualRevenue: number
  achievementRate: number
  newCustomers: number
  retentionRate: number
  score: number
  grade: 'EXCELLENT' | 'GOOD' | 'NEEDS_IMPROVEMENT'
  improvementPlan: string | null
  managerComment: string | null
  repFeedback: string | null
}

export type AlertType = 'STALLED_OPPORTUNITY' | 'CHURN_RISK' | 'RECLAIM_WARNING' | 'OVERDUE_RECEIVABLE'
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED' | 'SNOOZED' | 'RESOLVED'
export type Severity = 'LOW' | 'MEDIUM' | 'HIGH'

export interface AlertReason {
  code: string
  message: string
  value: number | null
  threshold: number | null
}

export interface Alert {
  id: string
  version?: number
  type: AlertType
  subjectId: string
  customerId: string
  ownerId: string
  ownerTeam: string
  severity: Severity
  reasons: AlertReason[]
  status: AlertStatus
  raisedAt: string
  resolvedAt: string | null
  snoozedUntil?: string | null
}

export interface FunnelReport {
  stages: { stage: Stage; entered: number; advanced: number; conversionRate: number | null; medianDaysInStage: number | null }[]
  won: number
  lost: number
  winRate: number | null
}

export interface PipelineReport {
  stages: { stage: Stage; count: number; amount: number }[]
  weightedAmount: number
  salesVelocityPerDay: number
}

export interface ActivityRow {
  ownerId: string
  visits: number
  effectiveVisits: number
  newCustomers: number
  wonDeals: number
  wonAmount: number
  overdueFollowUps: number
}
