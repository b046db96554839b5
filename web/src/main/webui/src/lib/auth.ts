import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { reactive } from 'vue'
import { config } from './config'

export type Role = 'rep' | 'manager' | 'admin'

/** Who is signed in, read from the access token's claims (the services read the same ones). */
export interface Session {
  accessToken: string
  sub: string
  name: string
  roles: Role[]
  team: string | null
  teams: string[]
}

export const TEST_TOKEN_KEY = 'crm.testToken'
const RETURN_KEY = 'crm.returnTo'

export const auth = reactive<{ session: Session | null }>({ session: null })

let manager: UserManager | null = null

function userManager(): UserManager {
  if (!manager) {
    const { authority, clientId } = config().oidc
    manager = new UserManager({
      authority,
      client_id: clientId,
      redirect_uri: `${location.origin}/auth/callback`,
      post_logout_redirect_uri: `${location.origin}/`,
      silent_redirect_uri: `${location.origin}/auth/silent`,
      response_type: 'code',
      scope: 'openid',
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: sessionStorage }),
    })
    manager.events.addUserLoaded((user) => setSession(user.access_token))
    manager.events.addUserSignedOut(() => { auth.session = null })
  }
  return manager
}

/** Decodes a JWT's payload; the token was checked by Keycloak and is checked again by every service. */
export function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1]
  if (!part) throw new Error('not a JWT')
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes))
}

export function sessionFromToken(token: string): Session {
  const c = claims(token)
  const realmRoles = ((c.realm_access as { roles?: string[] } | undefined)?.roles ?? [])
  const roles = realmRoles.filter((r): r is Role => r === 'rep' || r === 'manager' || r === 'admin')
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : [])
  const team = asList(c.team)[0] ?? null
  return {
    accessToken: token,
    sub: String(c.sub ?? ''),
    name: String(c.preferred_username ?? c.name ?? c.sub ?? ''),
    roles,
    team,
    teams: asList(c.teams),
  }
}

function setSession(token: string): void {
  auth.session = sessionFromToken(token)
}

/**
 * Browser tests only (config `testLogin`): a token in `#token=` or sessionStorage['crm.testToken']
 * stands in for a Keycloak login.
 */
function testToken(): string | null {
  if (!config().testLogin) return null
  const fragment = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fragment) {
    sessionStorage.setItem(TEST_TOKEN_KEY, fragment)
    history.replaceState(null, '', location.pathname + location.search)
  }
  return sessionStorage.getItem(TEST_TOKEN_KEY)
}

/**
 * Restores a session at start: the test token, the OIDC callback, or a stored user. False inside
 * the hidden frame of a silent renewal, where the app itself must not start.
 */
export async function initAuth(): Promise<boolean> {
  const token = testToken()
  if (token) {
    setSession(token)
    return true
  }
  const um = userManager()
  if (location.pathname === '/auth/silent') {
    await um.signinSilentCallback()
    return false
  }
  if (location.pathname === '/auth/callback') {
    const user = await um.signinRedirectCallback()
    setSession(user.access_token)
    const back = sessionStorage.getItem(RETURN_KEY) || '/'
    sessionStorage.removeItem(RETURN_KEY)
    history.replaceState(null, '', back)
    return true
  }
  const user: User | null = await um.getUser()
  if (user && !user.expired) setSession(user.access_token)
  return true
}

/** Sends the visitor to Keycloak; they come back to `returnTo`. */
export async function login(returnTo: string = location.pathname + location.search): Promise<void> {
  sessionStorage.setItem(RETURN_KEY, returnTo)
  if (config().testLogin && sessionStorage.getItem(TEST_TOKEN_KEY)) return
  await userManager().signinRedirect()
}

export async function logout(): Promise<void> {
  auth.session = null
  if (config().testLogin && sessionStorage.getItem(TEST_TOKEN_KEY)) {
    sessionStorage.removeItem(TEST_TOKEN_KEY)
    location.assign('/')
    return
  }
  await userManager().signoutRedirect()
}

export function accessToken(): string | null {
  return auth.session?.accessToken ?? null
}

export function hasRole(...roles: Role[]): boolean {
  return !!auth.session && auth.session.roles.some((r) => roles.includes(r))
}

/** A manager's or admin's landing page is the alerts; a rep's is today. */
export function landingPath(session: Session | null): string {
  if (!session) return '/'
  return session.roles.includes('manager') || session.roles.includes('admin') ? '/alerts' : '/today'
}
