/** An RFC 9457 problem as the services answer it. */
export interface FieldError {
  field: string
  rule?: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** The error of a call the service answered with an error status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.name = 'ApiError'
  }
}

/** The call never reached the service: offline, DNS, connection refused, CORS. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'NetworkError'
  }
}

/** Field errors keyed by field name, so a form shows each next to its input. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if (!(error instanceof ApiError) || !error.problem?.errors) return out
  for (const e of error.problem.errors) {
    const key = e.field || '_'
    ;(out[key] ??= []).push(e.message)
  }
  return out
}

export async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return null
  try {
    const body = (await response.json()) as Problem
    return { ...body, status: body.status ?? response.status }
  } catch {
    return null
  }
}

/** The i18n key of the plain message for an error, and the service's detail when it gave one. */
export function describeError(error: unknown): { key: string; detail?: string } {
  if (error instanceof NetworkError) return { key: 'errors.network' }
  if (error instanceof ApiError) {
    if (error.status === 403) return { key: 'errors.forbidden' }
    if (error.status === 404) return { key: 'errors.notFound' }
    if (error.status === 401) return { key: 'errors.unauthorized' }
    return { key: 'errors.problem', detail: error.problem?.detail || error.problem?.title || `HTTP ${error.status}` }
  }
  return { key: 'errors.unexpected', detail: error instanceof Error ? error.message : String(error) }
}
