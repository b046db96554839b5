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
