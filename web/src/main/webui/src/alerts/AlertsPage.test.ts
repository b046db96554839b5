import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { Alert } from '@/lib/api/types'
import { fakeFetch, mountPage, page, signIn } from '@/test/harness'
import AlertsPage from './AlertsPage.vue'

const alert = (id: string, over: Partial<Alert> = {}): Alert => ({
  id, type: 'STALLED_OPPORTUNITY', subjectId: `opp-${id}`, customerId: 'c1', ownerId: 'rep-east-1', ownerTeam: 'east',
  severity: 'HIGH', status: 'OPEN', raisedAt: '2026-11-03T01:00:00Z', resolvedAt: null,
  reasons: [{ code: 'IDLE', message: 'idle', value: 35, threshold: 14 }], ...over,
})

/** An event stream the test writes to, as the analytics service would. */
function liveStream() {
  const enc = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start(c) { controller = c } })
  return {
    response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }),
    send: (text: string) => controller.enqueue(enc.encode(text)),
  }
}

describe('the alerts page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists the open alerts with the hooks tests rely on and adds a live arrival without a reload', async () => {
    signIn('mgr-east', ['manager'])
    const stream = liveStream()
    const calls = fakeFetch(
      (u) => (u.pathname === '/api/v1/alerts/stream' ? stream.response : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([alert('a1')]) : undefined),
      (u) => (u.pathname.startsWith('/api/v1/customers/') ? new Response(JSON.stringify({ id: 'c1', name: '华东精密机械有限公司' }), { headers: { 'Content-Type': 'application/json' } }) : undefined),
    )
    const wrapper = await mountPage(AlertsPage)

    const rows = () => wrapper.findAll('[data-testid="alert-row"]')
    expect(rows()).toHaveLength(1)
    expect(rows()[0].attributes()).toMatchObject({ 'data-alert-id': 'a1', 'data-alert-type': 'STALLED_OPPORTUNITY', 'data-owner-team': 'east' })
    expect(rows()[0].text()).toContain('已 35 天无跟进（允许 14 天）')
    const reads = calls.filter((c) => c.url.pathname === '/api/v1/alerts')
    expect(reads.length).toBeGreaterThanOrEqual(1)
    expect(reads.every((c) => c.url.searchParams.get('status') === 'OPEN')).toBe(true)
    const streamCall = calls.find((c) => c.url.pathname === '/api/v1/alerts/stream')!
    expect((streamCall.init.headers as Record<string, string>).Authorization).toMatch(/^Bearer /)

    stream.send(`: heartbeat\n\nid: 9\nevent: raised\ndata: ${JSON.stringify(alert('a2', { type: 'CHURN_RISK', severity: 'MEDIUM' }))}\n\n`)
    await vi.waitFor(() => expect(rows()).toHaveLength(2))
    expect(wrapper.find('[data-alert-id="a2"]').attributes('data-alert-type')).toBe('CHURN_RISK')

    stream.send(`id: 10\nevent: resolved\ndata: ${JSON.stringify(alert('a1', { status: 'RESOLVED' }))}\n\n`)
    await vi.waitFor(() => expect(rows()).toHaveLength(1))
    wrapper.unmount()
  })

  it('words every reason of a stalled deal in the page\'s language, the service\'s message only for a code it does not know', async () => {
    signIn('mgr-east', ['manager'])
    const reasons = [
      { code: 'STAGE_TIME_LIMIT', message: 'in TARGET for 141 days; the limit is 90', value: 141, threshold: 90 },
      { code: 'SALES_CYCLE', message: 'open for 400 days; the sales cycle allows 365', value: 400, threshold: 365 },
      { code: 'SOMETHING_NEW', message: 'a reason from a newer service', value: 1, threshold: 0 },
    ]
    fakeFetch(
      (u) => (u.pathname === '/api/v1/alerts/stream' ? new Response(null, { status: 503 }) : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([alert('a1', { reasons })]) : undefined),
      (u) => (u.pathname.startsWith('/api/v1/customers/') ? new Response(JSON.stringify({ id: 'c1', name: '华东精密机械有限公司' }), { headers: { 'Content-Type': 'application/json' } }) : undefined),
    )
    const wrapper = await mountPage(AlertsPage)

    const row = wrapper.find('[data-testid="alert-row"]').text()
    expect(row).toContain('在本阶段已 141 天（上限 90 天）')
    expect(row).toContain('商机已开启 400 天（销售周期上限 365 天）')
    expect(row).not.toContain('the limit is')
    expect(row).toContain('a reason from a newer service')
    wrapper.unmount()
  })

  it('counts alerts and the days and follow-ups of their reasons in the singular for one, in English', async () => {
    signIn('mgr-east', ['manager'])
    const stream = liveStream()
    fakeFetch(
      (u) => (u.pathname === '/api/v1/alerts/stream' ? stream.response : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([alert('a1', { reasons: [
        { code: 'PAST_CLOSE_DATE', message: 'past close', value: 1, threshold: 0 },
        { code: 'IDLE', message: 'idle', value: 15, threshold: 14 },
      ] })]) : undefined),
      (u) => (u.pathname.startsWith('/api/v1/customers/') ? new Response(JSON.stringify({ id: 'c1', name: 'East Precision' }), { headers: { 'Content-Type': 'application/json' } }) : undefined),
    )
    const wrapper = await mountPage(AlertsPage, {}, 'en')
    const count = () => wrapper.find('[data-testid="alert-count"]').text()

    expect(count()).toBe('1 alert')
    const row = wrapper.find('[data-alert-id="a1"]').text()
    expect(row).toContain('1 day past the expected close date')
    expect(row).toContain('No activity for 15 days (allowed 14)')

    const churn = alert('a2', { type: 'CHURN_RISK', subjectId: 'c1', reasons: [{ code: 'OVERDUE_FOLLOW_UPS', message: 'overdue', value: 1, threshold: 0 }] })
    stream.send(`id: 3\nevent: raised\ndata: ${JSON.stringify(churn)}\n\n`)
    await vi.waitFor(() => expect(count()).toBe('2 alerts'))
    expect(wrapper.find('[data-alert-id="a2"]').text()).toContain('1 overdue follow-up')
    expect(wrapper.find('[data-alert-id="a2"]').text()).not.toContain('follow-ups')
    wrapper.unmount()
  })

  it('asks for a reason before snoozing and sends it with the date', async () => {
    signIn('mgr-east', ['manager'])
    const calls = fakeFetch(
      (u) => (u.pathname === '/api/v1/alerts/stream' ? new Response(null, { status: 503 }) : undefined),
      (u, init) => (u.pathname === '/api/v1/alerts/a1/snooze' ? new Response(JSON.stringify({ ...alert('a1'), status: 'SNOOZED', body: init.body }), { headers: { 'Content-Type': 'application/json' } }) : undefined),
      (u) => (u.pathname === '/api/v1/alerts' ? page([alert('a1')]) : undefined),
    )
    const wrapper = await mountPage(AlertsPage)

    await wrapper.find('[data-testid="alert-snooze"]').trigger('click')
    await wrapper.find('form.snooze').trigger('submit')
    expect(wrapper.find('[data-field-error="reason"]').exists()).toBe(true)
    expect(calls.some((c) => c.url.pathname.endsWith('/snooze'))).toBe(false)

    await wrapper.find('[data-testid="snooze-reason"]').setValue('客户在休假')
    await wrapper.find('form.snooze').trigger('submit')
    await flushPromises()

    const snooze = calls.find((c) => c.url.pathname.endsWith('/snooze'))!
    // Until nine in the morning in Shanghai, 01:00 UTC.
    expect(JSON.parse(String(snooze.init.body))).toMatchObject({ reason: '客户在休假', until: expect.stringMatching(/^\d{4}-\d\d-\d\dT01:00:00\.000Z$/) })
    expect(wrapper.findAll('[data-testid="alert-row"]')).toHaveLength(0)
    wrapper.unmount()
  })
})
