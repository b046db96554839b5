/** The run-time configuration the Quarkus side serves at /config.json. */
export interface AppConfig {
  oidc: { authority: string; clientId: string }
  api: { customer: string; visit: string; target: string; analytics: string }
  testLogin: boolean
  /** The zone business days are counted in (the services' `crm.time-zone`); a server that predates it sends none. */
  timeZone?: string
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

/** The services' default business zone, for a configuration that names none (or one this browser does not know). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const knownZones = new Map<string, boolean>()

function isKnownZone(zone: string): boolean {
  if (!knownZones.has(zone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      knownZones.set(zone, true)
    } catch {
      knownZones.set(zone, false)
    }
  }
  return knownZones.get(zone)!
}

/** The zone of "today" and of the times the app shows and prefills, the same as the services count in. */
export function businessTimeZone(): string {
  const zone = current?.timeZone
  return zone && isKnownZone(zone) ? zone : DEFAULT_TIME_ZONE
}
