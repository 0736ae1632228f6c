import { HttpClient } from './http_client.ts'

export type AdapterKind = 'local' | 'http'

/**
 * An outside service behind one interface (`Port`): a `local` stand-in for
 * laptops, demos and tests (logs, fakes) and an `http` side for the real
 * service. The environment chooses, read on each `use()` so an operator
 * or a test switches without a restart; `PREFIX` is the name in
 * SCREAMING_SNAKE (`sms-gateway` → `SMS_GATEWAY`):
 *
 * - `<PREFIX>_ADAPTER`: `local` (default) or `http`
 * - `<PREFIX>_HTTP_URL`: the service's URL (required for `http`)
 * - `<PREFIX>_HTTP_TOKEN`: sent as a bearer token, never logged
 * - `<PREFIX>_HTTP_TIMEOUT_MS`: per attempt (default `timeoutMs`, 10 s)
 */
export interface AdapterDefinition<Port> {
  /** kebab-case; a plugin's adapter starts with the plugin's name */
  name: string
  local: () => Port
  http: (client: HttpClient) => Port
  /** per attempt, unless the environment says otherwise (default 10 000) */
  timeoutMs?: number
  /** further attempts for idempotent calls (default 2) */
  retries?: number
  /**
   * The variable that chose the side before `<PREFIX>_ADAPTER` existed, and
   * how its values map (messaging's `MESSAGING_PROVIDER=log|http`).
   */
  legacy?: { variable: string; values: Record<string, AdapterKind> }
}

export interface Adapter<Port> {
  readonly name: string
  /** which side the environment chooses now */
  kind(): AdapterKind
  /** the chosen side, built for this call */
  use(): Port
}

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

export function defineAdapter<Port>(definition: AdapterDefinition<Port>): Adapter<Port> {
  if (!NAME.test(definition.name)) {
    throw new Error(`Adapter name "${definition.name}" must be kebab-case`)
  }
  const prefix = definition.name.toUpperCase().replaceAll('-', '_')
  const variable = `${prefix}_ADAPTER`

  const kind = (): AdapterKind => {
    const chosen = process.env[variable]
    if (chosen === 'local' || chosen === 'http') return chosen
    if (chosen) throw new Error(`${variable} must be "local" or "http", not "${chosen}"`)
    const legacy = definition.legacy && process.env[definition.legacy.variable]
    return (legacy && definition.legacy!.values[legacy]) || 'local'
  }

  return {
    name: definition.name,
    kind,
    use() {
      if (kind() === 'local') return definition.local()
      const url = process.env[`${prefix}_HTTP_URL`]
      if (!url) throw new Error(`${variable}=http needs ${prefix}_HTTP_URL`)
      const timeout = Number(process.env[`${prefix}_HTTP_TIMEOUT_MS`])
      return definition.http(
        new HttpClient({
          adapter: definition.name,
          url,
          token: process.env[`${prefix}_HTTP_TOKEN`] || undefined,
          timeoutMs: timeout > 0 ? timeout : definition.timeoutMs,
          retries: definition.retries,
        })
      )
    },
  }
}
