import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { fakeFetch, json, mountPage, page, signIn } from '@/test/harness'
import TodayPage from './TodayPage.vue'

const customer = { id: 'c1', name: '杭州青禾食品有限公司', grade: 'A' }
/** What the page reads at start for a rep with one customer, no key persons, no plan and no follow-ups. */
const oneCustomerNoPlan: Parameters<typeof fakeFetch> = [
  (u) => (u.pathname === '/api/v1/customers' ? page([customer]) : undefined),
  (u) => (u.pathname === '/api/v1/customers/c1/key-persons' ? page([]) : undefined),
  (u) => (u.pathname.startsWith('/api/v1/visit-plans/') ? json({ customerIds: [], planned: 0, visited: 0, effective: 0, quota: 4 }) : undefined),
  (u) => (u.pathname === '/api/v1/follow-ups' ? page([]) : undefined),
]
/** Picks the rep's one customer, a method and a summary, and submits the visit form as it stands. */
async function submitVisit(wrapper: Awaited<ReturnType<typeof mountPage>>, method: string, summary: string) {
  await wrapper.find('[data-testid="visit-customer"]').setValue('c1')
  await wrapper.find('[data-testid="visit-method"]').setValue(method)
  await wrapper.find('[data-testid="visit-summary"]').setValue(summary)
  await wrapper.find('[data-testid="visit-form"]').trigger('submit')
}
const keyPerson = { id: 'k1', customerId: 'c1', name: '王建国', title: '总经理', active: true, reportsToId: null }

describe('logging a visit on the phone', () => {
  beforeEach(() => {
    localStorage.clear()
    sessionStorage.clear()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
    vi.useRealTimers()
  })

  it('keeps a visit logged without network, shows it waiting, and sends it once with its clientId when back online', async () => {
    signIn('rep-east-1', ['rep'])
    let network = false
    const posted: { body: Record<string, unknown>; key: string }[] = []
    fakeFetch(
      (u, init) => {
        if (u.pathname !== '/api/v1/visits' || init.method !== 'POST') return undefined
        if (!network) throw new TypeError('Failed to fetch')
        posted.push({ body: JSON.parse(String(init.body)), key: (init.headers as Record<string, string>)['Idempotency-Key'] })
        return json({ id: 'v1', effective: true, lateEntry: false }, 201)
      },
      (u) => (u.pathname === '/api/v1/customers' ? page([customer]) : undefined),
      (u) => (u.pathname === '/api/v1/customers/c1/key-persons' ? page([keyPerson]) : undefined),
      (u) => (u.pathname.startsWith('/api/v1/visit-plans/') ? json({ customerIds: [], planned: 0, visited: 0, effective: 0, quota: 4 }) : undefined),
      (u) => (u.pathname === '/api/v1/follow-ups' ? page([]) : undefined),
    )
    const wrapper = await mountPage(TodayPage)
    expect(wrapper.find('[data-testid="pending-count"]').text()).toBe('0')

    await wrapper.find('[data-testid="visit-customer"]').setValue('c1')
    await flushPromises()
    await wrapper.find('[data-testid="visit-key-persons"] input[type=checkbox]').setValue(true)
    await wrapper.find('[data-testid="visit-method"]').setValue('PHONE')
    await wrapper.find('[data-testid="visit-summary"]').setValue('电话沟通二期预算')
    await wrapper.find('[data-testid="visit-form"]').trigger('submit')
    await flushPromises()

    expect(wrapper.find('[data-testid="pending-count"]').text()).toBe('1')
    expect(posted).toEqual([])

    network = true
    window.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pending-count"]').text()).toBe('0'))

    expect(posted).toHaveLength(1)
    expect(posted[0].body).toMatchObject({ customerId: 'c1', method: 'PHONE', summary: '电话沟通二期预算', keyPersonIds: ['k1'] })
    expect(posted[0].body.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(posted[0].key).toBe(posted[0].body.clientId)
    wrapper.unmount()
  })

  it('shows the service’s field errors beside the inputs and keeps what was typed', async () => {
    signIn('rep-east-1', ['rep'])
    fakeFetch(
      (u, init) => (u.pathname === '/api/v1/visits' && init.method === 'POST' ? json({
        type: 'https://salescrm.example/problems/validation', title: 'Invalid', status: 422, detail: '拜访时间不能晚于现在',
        errors: [{ field: 'occurredAt', rule: 'PastOrPresent', message: '不能是将来的时间' }],
      }, 422) : undefined),
      ...oneCustomerNoPlan,
    )
    const wrapper = await mountPage(TodayPage)

    await submitVisit(wrapper, 'EMAIL', '邮件确认')
    await flushPromises()

    expect(wrapper.find('[data-field-error="occurredAt"]').text()).toBe('不能是将来的时间')
    expect(wrapper.find('[data-testid="visit-form"] [data-testid="error"]').text()).toContain('拜访时间不能晚于现在')
    expect((wrapper.find('[data-testid="visit-summary"]').element as HTMLTextAreaElement).value).toBe('邮件确认')
    expect(wrapper.find('[data-testid="pending-count"]').text()).toBe('0')
    expect(JSON.parse(sessionStorage.getItem('crm.draft.visit')!).summary).toBe('邮件确认')
    wrapper.unmount()
  })

  it('takes today and the visit time from the business zone\'s clock, not the phone\'s, and sends the instant in UTC', async () => {
    // A phone in New York at 18:30 on 3 November: in Shanghai it is already 07:30 on the 4th.
    vi.stubEnv('TZ', 'America/New_York')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-03T23:30:00Z'))
    signIn('rep-east-1', ['rep'])
    const posted: Record<string, unknown>[] = []
    const calls = fakeFetch(
      (u, init) => {
        if (u.pathname !== '/api/v1/visits' || init.method !== 'POST') return undefined
        posted.push(JSON.parse(String(init.body)))
        return json({ id: 'v1', effective: false, lateEntry: false }, 201)
      },
      ...oneCustomerNoPlan,
    )
    const wrapper = await mountPage(TodayPage)

    expect(calls.some((c) => c.url.pathname === '/api/v1/visit-plans/2026-11-04')).toBe(true)
    const when = wrapper.find('[data-testid="visit-occurred-at"]').element as HTMLInputElement
    expect(when.value).toBe('2026-11-04T07:30')
    expect(wrapper.find('[data-testid="visit-time-zone"]').text()).toContain('中国标准时间')

    await submitVisit(wrapper, 'PHONE', '电话确认')
    await vi.waitFor(() => expect(posted).toHaveLength(1))

    expect(posted[0].occurredAt).toBe('2026-11-03T23:30:00.000Z')
    wrapper.unmount()
  })

  it('asks for the visit time when it was cleared, and sends nothing', async () => {
    signIn('rep-east-1', ['rep'])
    const calls = fakeFetch(
      ...oneCustomerNoPlan,
    )
    const wrapper = await mountPage(TodayPage)

    await wrapper.find('[data-testid="visit-occurred-at"]').setValue('')
    await submitVisit(wrapper, 'PHONE', '电话确认')
    await flushPromises()

    expect(wrapper.find('[data-field-error="occurredAt"]').text()).toBe('必填')
    expect(calls.some((c) => c.url.pathname === '/api/v1/visits')).toBe(false)
    expect(wrapper.find('[data-testid="pending-count"]').text()).toBe('0')
    wrapper.unmount()
  })
})
