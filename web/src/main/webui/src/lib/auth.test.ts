import { describe, expect, it } from 'vitest'
import { landingPath, sessionFromToken } from './auth'

function jwt(claims: object): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`
}

describe('session from the access token', () => {
  it('reads user id, roles, team and teams as the services do', () => {
    const s = sessionFromToken(jwt({ sub: 'mgr-east', preferred_username: 'mgr-east', realm_access: { roles: ['manager', 'offline_access'] }, team: 'east', teams: ['east', 'east-2'] }))
    expect(s).toMatchObject({ sub: 'mgr-east', roles: ['manager'], team: 'east', teams: ['east', 'east-2'] })
  })

  it('accepts a team given as a list and non-ASCII names', () => {
    const s = sessionFromToken(jwt({ sub: 'rep-east-1', name: '张三', realm_access: { roles: ['rep'] }, team: ['east'] }))
    expect(s).toMatchObject({ name: '张三', team: 'east', teams: [], roles: ['rep'] })
  })

  it('lands managers and admins on alerts and reps on today', () => {
    const session = (roles: string[]) => sessionFromToken(jwt({ sub: 'x', realm_access: { roles } }))
    expect(landingPath(session(['manager']))).toBe('/alerts')
    expect(landingPath(session(['admin']))).toBe('/alerts')
    expect(landingPath(session(['rep']))).toBe('/today')
  })
})

describe('the test login hook', () => {
  const cfg = (testLogin: boolean) => ({
    oidc: { authority: 'http://kc.invalid/realms/crm', clientId: 'crm-web' },
    api: { customer: '', visit: '', target: '', analytics: '' }, testLogin,
  })

  it('takes the token from #token= when the configuration allows it, and keeps it for reloads', async () => {
    const { setConfig } = await import('./config')
    const { auth, initAuth, TEST_TOKEN_KEY } = await import('./auth')
    sessionStorage.clear()
    setConfig(cfg(true))
    const token = jwt({ sub: 'rep-east-1', realm_access: { roles: ['rep'] }, team: 'east' })
    history.replaceState(null, '', `/today#token=${token}`)

    expect(await initAuth()).toBe(true)

    expect(auth.session).toMatchObject({ sub: 'rep-east-1', roles: ['rep'] })
    expect(sessionStorage.getItem(TEST_TOKEN_KEY)).toBe(token)
    expect(location.hash).toBe('')
  })

  it('ignores a handed-over token when the configuration does not allow it', async () => {
    const { setConfig } = await import('./config')
    const { auth, initAuth, TEST_TOKEN_KEY } = await import('./auth')
    sessionStorage.clear()
    auth.session = null
    setConfig(cfg(false))
    const token = jwt({ sub: 'admin', realm_access: { roles: ['admin'] } })
    sessionStorage.setItem(TEST_TOKEN_KEY, token)
    history.replaceState(null, '', `/alerts#token=${token}`)

    await initAuth()

    expect(auth.session).toBeNull()
  })
})
