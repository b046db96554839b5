import { vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { makeI18n } from '@/i18n'
import { setConfig } from '@/lib/config'
import { auth, sessionFromToken } from '@/lib/auth'
import { applyLocale, type Locale } from '@/lib/locale'

export function jwt(claims: object): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`
}

/** Signs in a user of the demo realm and points every service at one fake origin. */
export function signIn(sub: string, roles: string[], team = 'east'): void {
  setConfig({
    oidc: { authority: 'http://kc/realms/crm', clientId: 'crm-web' },
    api: { customer: 'http://customer', visit: 'http://visit', target: 'http://target', analytics: 'http://analytics' },
    testLogin: false,
  })
  auth.session = sessionFromToken(jwt({ sub, preferred_username: sub, realm_access: { roles }, team, teams: roles.includes('manager') ? [team] : [] }))
}

export type Handler = (url: URL, init: RequestInit) => Response | Promise<Response> | undefined

/** A fetch that answers from the handlers in order, and records every call. */
export function fakeFetch(...handlers: Handler[]) {
  const calls: { url: URL; init: RequestInit }[] = []
  const fn = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://page')
    calls.push({ url, init })
    for (const h of handlers) {
      const r = await h(url, init)
      if (r) return r
    }
    return json({ status: 404, detail: `no fake for ${url.pathname}` }, 404)
  })
  vi.stubGlobal('fetch', fn)
  return calls
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })

export const page = (items: unknown[]) => json({ items, next: null })

export async function mountPage(component: Component, props: Record<string, unknown> = {}, locale: Locale = 'zh-CN',
  stubs: Record<string, boolean> = {}) {
  applyLocale(locale)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
  const wrapper = mount(component, { props, global: { plugins: [makeI18n(), router], stubs }, attachTo: document.body })
  await flushPromises()
  return wrapper
}
