// Development only (`npm run dev:mock`): canned answers in place of the services, so pages can be
// looked at and screenshotted without the stack. Never part of a production build.
import type { Alert, Customer, Goal, KeyPerson, Opportunity, Stage } from '@/lib/api/types'
import { OPEN_STAGES } from '@/lib/api/types'

const NAMES = ['华东精密机械有限公司', '上海云启科技股份有限公司', '杭州青禾食品有限公司', '苏州恒通物流有限公司',
  '南京博远医疗器械有限公司', '宁波海联电子有限公司', '无锡瑞丰纺织有限公司', '合肥星河新能源有限公司',
  '成都蜀锦文化传媒有限公司', '重庆山城汽配有限公司', '西安秦岭软件有限公司', '昆明彩云农业科技有限公司']

function b64url(o: object) {
  return btoa(unescape(encodeURIComponent(JSON.stringify(o)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function token(as: string) {
  const manager = as.startsWith('mgr')
  const claims = { sub: as, preferred_username: as, realm_access: { roles: [manager ? 'manager' : 'rep'] }, team: 'east', teams: manager ? ['east'] : [] }
  return `${b64url({ alg: 'none' })}.${b64url(claims)}.x`
}

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString()
const base = { version: 1, createdAt: iso(100), updatedAt: iso(1) }

const customers: Customer[] = NAMES.map((name, i) => ({
  ...base, id: `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name, industry: ['制造', '软件', '食品', '物流'][i % 4],
  region: '华东', scale: '200-500', source: '展会', phone: `0571-8888${String(i).padStart(4, '0')}`, creditCode: null,
  address: '浙江省杭州市西湖区文三路 90 号', grade: (['A', 'B', 'C'] as const)[i % 3], ownerId: i % 2 ? 'rep-east-1' : 'rep-east-2',
  ownerTeam: 'east', inPool: i === 11, lastContactAt: iso(i * 3),
}))

function opportunities(n: number): Opportunity[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base, id: `o0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, customerId: customers[i % customers.length].id,
    name: `${['数字化改造', '年度采购', '设备升级', '云服务扩容', '培训项目'][i % 5]} ${i + 1} 期`, amount: 50_000 + ((i * 37_000) % 900_000),
    currency: 'CNY', expectedCloseDate: iso(-30 + (i % 60)).slice(0, 10), stage: OPEN_STAGES[i % 6] as Stage, status: 'OPEN',
    probability: 10 + (i % 6) * 15, stageEnteredAt: iso(i % 40), budget: i % 3 ? 100_000 : null, quoteAmount: null,
    ownerId: i % 2 ? 'rep-east-1' : 'rep-east-2', ownerTeam: 'east',
  }))
}

const alerts: Alert[] = [
  { id: 'a1', type: 'STALLED_OPPORTUNITY', subjectId: 'o0000000-0000-4000-8000-000000000003', customerId: customers[3].id, ownerId: 'rep-east-1', ownerTeam: 'east', severity: 'HIGH', status: 'OPEN', raisedAt: iso(2), resolvedAt: null,
    reasons: [{ code: 'IDLE', message: 'no activity', value: 35, threshold: 14 }, { code: 'PAST_CLOSE_DATE', message: 'past close', value: 6, threshold: 0 }] },
  { id: 'a2', type: 'CHURN_RISK', subjectId: customers[0].id, customerId: customers[0].id, ownerId: 'rep-east-2', ownerTeam: 'east', severity: 'MEDIUM', status: 'OPEN', raisedAt: iso(1), resolvedAt: null,
    reasons: [{ code: 'SILENCE', message: 'silence', value: 31, threshold: 14 }, { code: 'OVERDUE_FOLLOW_UPS', message: 'overdue', value: 1, threshold: 0 }] },
  { id: 'a3', type: 'STALLED_OPPORTUNITY', subjectId: 'o0000000-0000-4000-8000-000000000008', customerId: customers[8].id, ownerId: 'rep-east-2', ownerTeam: 'east', severity: 'LOW', status: 'OPEN', raisedAt: iso(4), resolvedAt: null,
    reasons: [{ code: 'DWELL', message: 'dwell', value: 22, threshold: 16.5 }] },
]

const persons: KeyPerson[] = [
  { ...base, id: 'k1', customerId: customers[0].id, name: '王建国', title: '总经理', kpType: 'DECISION_MAKER', attitude: 'SUPPORTER', reportsToId: null, active: true, leftOn: null },
  { ...base, id: 'k2', customerId: customers[0].id, name: '李娜', title: '采购总监', kpType: 'RECOMMENDER', attitude: 'NEUTRAL', reportsToId: 'k1', active: true, leftOn: null },
  { ...base, id: 'k3', customerId: customers[0].id, name: '张伟', title: 'IT 经理', kpType: 'FACILITATOR', attitude: 'OPPONENT', reportsToId: 'k2', active: true, leftOn: null },
  { ...base, id: 'k4', customerId: customers[0].id, name: '陈静', title: '财务总监', kpType: 'OTHER', attitude: 'NEUTRAL', reportsToId: 'k1', active: false, leftOn: iso(20).slice(0, 10) },
]

const goals: Goal[] = [
  { ...base, id: 'g1', period: '2026-Q4', metric: 'REVENUE', scope: { level: 'COMPANY', id: 'salescrm' }, target: 10_000_000, parentId: null, childrenTotal: 8_000_000, decompositionGap: 2_000_000, acknowledgedAt: null, acknowledgedBy: null },
  { ...base, id: 'g2', period: '2026-Q4', metric: 'REVENUE', scope: { level: 'TEAM', id: 'east' }, target: 5_000_000, parentId: 'g1', childrenTotal: 5_000_000, decompositionGap: 0, acknowledgedAt: null, acknowledgedBy: null },
  { ...base, id: 'g3', period: '2026-Q4', metric: 'REVENUE', scope: { level: 'REP', id: 'rep-east-1' }, target: 2_500_000, parentId: 'g2', childrenTotal: 0, decompositionGap: 0, acknowledgedAt: iso(30), acknowledgedBy: 'rep-east-1' },
  { ...base, id: 'g4', period: '2026-Q4', metric: 'REVENUE', scope: { level: 'REP', id: 'rep-east-2' }, target: 2_500_000, parentId: 'g2', childrenTotal: 0, decompositionGap: 0, acknowledgedAt: null, acknowledgedBy: null },
  { ...base, id: 'g5', period: '2026-Q4', metric: 'REVENUE', scope: { level: 'TEAM', id: 'west' }, target: 3_000_000, parentId: 'g1', childrenTotal: 0, decompositionGap: 3_000_000, acknowledgedAt: null, acknowledgedBy: null },
]

const page = (items: unknown[]) => ({ items, next: null })
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })

function answer(path: string, params: URLSearchParams, method: string, body: unknown, opps: Opportunity[]): Response {
  const cid = path.match(/^\/customers\/([^/]+)/)?.[1]
  if (path === '/alerts') return json(page(alerts.filter((a) => !params.get('customerId') || a.customerId === params.get('customerId'))))
  if (path === '/reports/funnel') return json({ stages: ['TARGET', 'POTENTIAL', 'INTENT', 'PROJECT', 'ACKNOWLEDGED', 'NEGOTIATION', 'WON'].map((stage, i) => ({ stage, entered: 40 - i * 5, advanced: 30 - i * 4, conversionRate: (30 - i * 4) / (40 - i * 5), medianDaysInStage: 6 + i * 2.5 })), won: 9, lost: 6, winRate: 0.6 })
  if (path === '/reports/pipeline') return json({ stages: [], weightedAmount: 1_234_000, salesVelocityPerDay: 18_500 })
  if (path === '/reports/activity') return json({ items: ['rep-east-1', 'rep-east-2'].map((o, i) => ({ ownerId: o, visits: 42 - i * 11, effectiveVisits: 30 - i * 9, newCustomers: 5 - i, wonDeals: 3 - i, wonAmount: 1_280_000 - i * 500_000, overdueFollowUps: i + 1 })) })
  if (path === '/opportunities' && method === 'GET') return json(page(opps.filter((o) => !params.get('customerId') || o.customerId === params.get('customerId'))))
  const move = path.match(/^\/opportunities\/([^/]+)\/stage$/)
  if (move) {
    const o = opps.find((x) => x.id === move[1])!
    const to = (body as { stage: Stage }).stage
    if (['PROJECT', 'ACKNOWLEDGED', 'NEGOTIATION'].includes(to) && !o.budget) {
      return json({ type: 'https://salescrm.example/problems/stage-evidence-missing', title: 'Stage evidence missing', status: 422, detail: `Moving to ${to} needs: budget`, errors: [{ field: 'budget', rule: 'evidence', message: 'PROJECT or later needs a budget above 0' }] }, 422)
    }
    o.stage = to
    o.stageEnteredAt = new Date().toISOString()
    return json(o)
  }
  if (path.match(/^\/opportunities\/[^/]+\/history$/)) return json(page([{ id: 'h1', from: null, to: 'TARGET', at: iso(40), by: 'rep-east-1', reason: null, backward: false, daysInStage: 10 }, { id: 'h2', from: 'TARGET', to: 'POTENTIAL', at: iso(30), by: 'rep-east-1', reason: null, backward: false, daysInStage: null }]))
  if (cid && path.endsWith('/key-persons')) return json(page(persons))
  if (cid && path.endsWith('/history')) return json(page([{ at: iso(90), by: 'rep-east-1', change: 'CREATED', details: null }, { at: iso(10), by: 'mgr-east', change: 'OWNER_CHANGED', details: null }]))
  if (cid && path.endsWith('/claim')) return json(customers.find((c) => c.id === cid))
  if (cid) return json(customers.find((c) => c.id === cid) ?? customers[0])
  if (path === '/customers') return json(page(customers.filter((c) => (params.get('pool') === 'true') === c.inPool && (!params.get('q') || c.name.includes(params.get('q')!)))))
  if (path === '/visits' && method === 'POST') return json({ ...(body as object), id: 'v-new', effective: true, lateEntry: false }, 201)
  if (path === '/visits') return json(page([{ ...base, id: 'v1', customerId: customers[0].id, ownerId: 'rep-east-1', method: 'ONSITE', occurredAt: iso(3), summary: '与王总沟通二期预算，客户认可方案，下周提交报价。', effective: true, lateEntry: false }, { ...base, id: 'v2', customerId: customers[0].id, ownerId: 'rep-east-1', method: 'PHONE', occurredAt: iso(12), summary: '电话确认需求范围。', effective: false, lateEntry: true }]))
  if (path === '/follow-ups') {
    const status = params.get('status')
    return json(page(status === 'OVERDUE' ? [{ ...base, id: 'f1', customerId: customers[1].id, opportunityId: null, assigneeId: 'rep-east-1', action: '发送报价单', dueOn: iso(2).slice(0, 10), status: 'OVERDUE', result: null }]
      : [{ ...base, id: 'f2', customerId: customers[2].id, opportunityId: null, assigneeId: 'rep-east-1', action: '预约技术交流', dueOn: iso(0).slice(0, 10), status: 'OPEN', result: null }]))
  }
  if (path.startsWith('/visit-plans/')) return json({ date: path.slice(13), ownerId: 'rep-east-1', customerIds: method === 'PUT' ? (body as { customerIds: string[] }).customerIds : [customers[0].id, customers[1].id, customers[2].id], planned: 3, visited: 1, effective: 1, quota: 4 })
  if (path === '/goals') return json(page(goals))
  const progress = path.match(/^\/goals\/([^/]+)\/progress$/)
  if (progress) {
    const g = goals.find((x) => x.id === progress[1])!
    const rate = [0.72, 0.81, 1.05, 0.55, 0.4][goals.indexOf(g)]
    return json({ goalId: g.id, target: g.target, actual: g.target * rate, achievementRate: rate, expectedByNow: g.target * 0.7, pace: rate > 0.8 ? 'AHEAD' : rate > 0.65 ? 'ON_TRACK' : 'BEHIND' })
  }
  if (path === '/leaderboards') return json(page([{ rank: 1, repId: 'rep-east-1', team: 'east', actual: 2_625_000, target: 2_500_000, achievementRate: 1.05 }, { rank: 2, repId: 'rep-west-1', team: 'west', actual: 1_900_000, target: 3_000_000, achievementRate: 0.633 }, { rank: 3, repId: 'rep-east-2', team: 'east', actual: 1_375_000, target: 2_500_000, achievementRate: 0.55 }]))
  if (path === '/evaluations') return json(page([{ ...base, id: 'e1', repId: 'rep-east-2', period: '2026-Q3', targetRevenue: 2_000_000, actualRevenue: 1_500_000, achievementRate: 0.75, newCustomers: 3, retentionRate: 0.9, score: 76.5, grade: 'NEEDS_IMPROVEMENT', improvementPlan: '每周至少 2 次 A 类客户上门拜访', managerComment: null, repFeedback: null }]))
  return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `mock has no ${method} ${path}` }, 404)
}

function stream(): Response {
  const enc = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode(': heartbeat\n\n'))
      setTimeout(() => {
        const alert: Alert = { id: 'a-live', type: 'CHURN_RISK', subjectId: customers[5].id, customerId: customers[5].id, ownerId: 'rep-east-1', ownerTeam: 'east', severity: 'HIGH', status: 'OPEN', raisedAt: new Date().toISOString(), resolvedAt: null, reasons: [{ code: 'DECISION_MAKER_LEFT', message: 'left', value: 1, threshold: 0 }] }
        controller.enqueue(enc.encode(`id: 1\nevent: raised\ndata: ${JSON.stringify(alert)}\n\n`))
      }, 1500)
    },
  })
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })
}

export function installMock(): void {
  const params = new URLSearchParams(location.search)
  const as = params.get('as')
  if (as || !sessionStorage.getItem('crm.testToken')) sessionStorage.setItem('crm.testToken', token(as ?? 'mgr-east'))
  const lang = params.get('lang')
  if (lang === 'en' || lang === 'zh-CN') {
    localStorage.setItem('crm.lang', lang)
    document.documentElement.lang = lang
  }
  const opps = opportunities(Number(params.get('mockOpps') ?? 36))
  const realFetch = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const u = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href)
    const at = u.pathname.indexOf('/api/v1')
    if (at < 0) return realFetch(input, init)
    const path = u.pathname.slice(at + 7)
    if (path === '/alerts/stream') return stream()
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    await new Promise((r) => setTimeout(r, 30))
    return answer(path, u.searchParams, init?.method ?? 'GET', body, opps)
  }
}
