import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, NetworkError, describeError, fieldErrors, readProblem } from './problem'
import { onUnauthorized, request } from './http'
import { setConfig } from '../config'

describe('problem+json', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('gives each field its messages, so forms show them beside the inputs', () => {
    const error = new ApiError(400, {
      status: 400, detail: 'Invalid visit',
      errors: [
        { field: 'summary', rule: 'NotBlank', message: 'must not be blank' },
        { field: 'nextAction.dueOn', rule: 'notBeforeVisit', message: 'must not be before the visit' },
        { field: 'summary', rule: 'Size', message: 'at most 4000 characters' },
      ],
    })
    expect(fieldErrors(error)).toEqual({
      summary: ['must not be blank', 'at most 4000 characters'],
      'nextAction.dueOn': ['must not be before the visit'],
    })
  })

  it('has no field errors for other failures', () => {
    expect(fieldErrors(new NetworkError('x'))).toEqual({})
    expect(fieldErrors(new ApiError(500, null))).toEqual({})
  })

  it('says 403 and 404 plainly and shows the detail of other problems', () => {
    expect(describeError(new ApiError(403, { status: 403, detail: 'role' }))).toEqual({ key: 'errors.forbidden' })
    expect(describeError(new ApiError(404, null))).toEqual({ key: 'errors.notFound' })
    expect(describeError(new ApiError(409, { status: 409, detail: '客户已存在' }))).toEqual({ key: 'errors.problem', detail: '客户已存在' })
    expect(describeError(new NetworkError('offline'))).toEqual({ key: 'errors.network' })
  })

  it('reads a problem body only when it is JSON', async () => {
    const json = new Response(JSON.stringify({ title: 'Bad', detail: 'd' }), { status: 422, headers: { 'Content-Type': 'application/problem+json' } })
    expect(await readProblem(json)).toEqual({ title: 'Bad', detail: 'd', status: 422 })
    expect(await readProblem(new Response('oops', { status: 502, headers: { 'Content-Type': 'text/html' } }))).toBeNull()
  })

  it('turns an error answer into an ApiError and a failed fetch into a NetworkError', async () => {
    setConfig({ oidc: { authority: 'a', clientId: 'c' }, api: { customer: '', visit: 'http://v', target: '', analytics: '' }, testLogin: false })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 422, detail: 'future', errors: [{ field: 'occurredAt', message: 'in the future' }] }), {
      status: 422, headers: { 'Content-Type': 'application/problem+json' },
    })))
    const refused = await request('visit', '/visits', { body: {} }).catch((e) => e)
    expect(refused).toBeInstanceOf(ApiError)
    expect(fieldErrors(refused)).toEqual({ occurredAt: ['in the future'] })

    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    expect(await request('visit', '/visits').catch((e) => e)).toBeInstanceOf(NetworkError)
  })

  it('calls the same origin when a service base is empty, as behind the Ingress', async () => {
    setConfig({ oidc: { authority: 'a', clientId: 'c' }, api: { customer: '', visit: '', target: '', analytics: '' }, testLogin: false })
    const fetchMock = vi.fn(async (_url: string) => new Response('{"items":[],"next":null}', { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    await request('customer', '/customers', { query: { q: '华东', pool: undefined } })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/customers?q=%E5%8D%8E%E4%B8%9C')
  })

  it('sends the user to log in again on a 401', async () => {
    setConfig({ oidc: { authority: 'a', clientId: 'c' }, api: { customer: '', visit: '', target: '', analytics: '' }, testLogin: false })
    let relogins = 0
    onUnauthorized(() => { relogins++ })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 401 })))

    const error = (await request('customer', '/customers').catch((e) => e)) as ApiError

    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(401)
    expect(relogins).toBe(1)
  })
})
