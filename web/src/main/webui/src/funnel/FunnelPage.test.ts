import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Opportunity } from '@/lib/api/types'
import { fakeFetch, json, mountPage, page, signIn } from '@/test/harness'
import FunnelPage from './FunnelPage.vue'

const deal: Opportunity = {
  id: 'o1', customerId: 'c1', name: '数字化改造', amount: 380000, currency: 'CNY', expectedCloseDate: '2026-12-31',
  stage: 'INTENT', status: 'OPEN', probability: 30, stageEnteredAt: '2026-10-20T00:00:00Z', ownerId: 'rep-east-1',
  ownerTeam: 'east', version: 3, createdAt: '', updatedAt: '',
}

function dragTo(wrapper: Awaited<ReturnType<typeof mountPage>>, id: string, stage: string) {
  const data = new Map<string, string>()
  const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '' }
  return wrapper.find(`[data-opportunity-id="${id}"]`).trigger('dragstart', { dataTransfer })
    .then(() => wrapper.find(`[data-testid="stage-column"][data-stage="${stage}"]`).trigger('drop', { dataTransfer }))
}

// happy-dom has no canvas for ECharts; the chart is not what these tests are about.
const noCanvas = { FunnelChart: true }

const column = (wrapper: Awaited<ReturnType<typeof mountPage>>, id: string) =>
  wrapper.find(`[data-opportunity-id="${id}"]`).element.closest('[data-testid="stage-column"]')?.getAttribute('data-stage')

describe('the funnel page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the missing evidence of a refused move and leaves the card where it was', async () => {
    signIn('mgr-east', ['manager'])
    const calls = fakeFetch(
      (u) => (u.pathname === '/api/v1/opportunities/o1/stage' ? json({
        type: 'https://salescrm.example/problems/stage-evidence-missing', title: 'Stage evidence missing', status: 422,
        detail: 'Moving to ACKNOWLEDGED needs: budget, decisionMaker',
        errors: [
          { field: 'budget', rule: 'evidence', message: 'PROJECT or later needs a budget above 0' },
          { field: 'decisionMaker', rule: 'evidence', message: 'ACKNOWLEDGED or later needs an active decision maker' },
        ],
      }, 422) : undefined),
      (u) => (u.pathname === '/api/v1/opportunities' ? page([deal]) : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([]) : undefined),
      (u) => (u.pathname === '/api/v1/reports/funnel' ? json({ stages: [], won: 0, lost: 0, winRate: null }) : undefined),
    )
    const wrapper = await mountPage(FunnelPage, {}, 'zh-CN', noCanvas)
    expect(column(wrapper, 'o1')).toBe('INTENT')

    await dragTo(wrapper, 'o1', 'ACKNOWLEDGED')
    await flushPromises()

    const move = calls.find((c) => c.url.pathname.endsWith('/stage'))!
    expect(JSON.parse(String(move.init.body))).toEqual({ stage: 'ACKNOWLEDGED' })
    const missing = wrapper.findAll('[data-testid="missing-evidence"]')
    expect(missing.map((m) => m.attributes('data-field'))).toEqual(['budget', 'decisionMaker'])
    expect(missing.map((m) => m.text())).toEqual(['大于 0 的预算', '客户方在职的决策人'])
    expect(column(wrapper, 'o1')).toBe('INTENT')
    wrapper.unmount()
  })

  it('asks why before moving a card back, then moves it', async () => {
    signIn('mgr-east', ['manager'])
    const calls = fakeFetch(
      (u, init) => (u.pathname === '/api/v1/opportunities/o1/stage'
        ? json({ ...deal, stage: JSON.parse(String(init.body)).stage, version: 4 }) : undefined),
      (u) => (u.pathname === '/api/v1/opportunities' ? page([deal]) : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([]) : undefined),
      (u) => (u.pathname === '/api/v1/reports/funnel' ? json({ stages: [], won: 0, lost: 0, winRate: null }) : undefined),
    )
    const wrapper = await mountPage(FunnelPage, {}, 'en', noCanvas)

    await dragTo(wrapper, 'o1', 'POTENTIAL')
    await flushPromises()
    expect(calls.some((c) => c.url.pathname.endsWith('/stage'))).toBe(false)
    expect(wrapper.find('[data-testid="move-back-form"]').exists()).toBe(true)

    await wrapper.find('[data-testid="move-back-reason"]').setValue('预算冻结到明年')
    await wrapper.find('[data-testid="move-back-form"]').trigger('submit')
    await flushPromises()

    const move = calls.find((c) => c.url.pathname.endsWith('/stage'))!
    expect(JSON.parse(String(move.init.body))).toEqual({ stage: 'POTENTIAL', reason: '预算冻结到明年' })
    expect(column(wrapper, 'o1')).toBe('POTENTIAL')
    wrapper.unmount()
  })
})
