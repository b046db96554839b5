/** The run-time configuration the Quarkus side serves at /config.json. */
export interface AppConfig {
  oidc: { authority: string; clientId: string }
  api: { customer: string; visit: string; target: string; analytics: string }
  testLogin: boolean
}

export type Service = keyof AppConfig['api']

let current: AppConfig | null = null

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' })
  if (!response.ok) throw new Error(`config.json answered ${response.status}`)
  current = (await response.json()) as AppConfig
  return current
}

export function setConfig(config: AppConfig): void {
  current = config
}

export function config(): AppConfig {
  if (!current) throw new Error('configuration not loaded')
  return current
}
