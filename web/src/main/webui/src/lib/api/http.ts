import { config, type Service } from '../config'
import { accessToken } from '../auth'
import { ApiError, NetworkError, readProblem } from './problem'
import { currentLocale } from '../locale'

export interface Page<T> {
  items: T[]
  next: string | null
}

type Query = Record<string, string | number | boolean | undefined | null>

export interface RequestOptions {
  method?: string
  query?: Query
  body?: unknown
  headers?: Record<string, string>
}

/** Called on a 401, so the app can send the user to log in again (drafts are already kept). */
let unauthorizedHandler: () => void = () => {}
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

export function url(service: Service, path: string, query?: Query): string {
  const base = config().api[service]
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  const qs = params.toString()
  return `${base}/api/v1${path}${qs ? `?${qs}` : ''}`
}

export function authHeaders(): Record<string, string> {
  const token = accessToken()
  return {
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    'Accept-Language': currentLocale(),
  }
}

/** One call to a service: bearer token, JSON in and out, problem+json turned into ApiError. */
export async function request<T>(service: Service, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(), ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(url(service, path, options.query), {
      method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    })
  } catch (cause) {
    throw new NetworkError(cause)
  }
  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401) unauthorizedHandler()
    throw new ApiError(response.status, problem)
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Every page of a list, following `next`, up to `max` items. */
export async function all<T>(service: Service, path: string, query: Query = {}, max = 1000): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await request<Page<T>>(service, path, { query: { ...query, limit: 200, cursor } })
    items.push(...page.items)
    cursor = page.next
  } while (cursor && items.length < max)
  return items
}
