import type { RawClient } from './raw_client.ts'
import type { BenchCustomFields } from './custom_fields.ts'

/**
 * Name prefixes agents type into the search box: common ones that match
 * tens of thousands of clients at a million rows, and rare ones that
 * match a handful or none (the worst case for an ORDER BY id LIMIT plan).
 */
export const NAME_PREFIXES = [
  'mar',
  'maria jose',
  'jose',
  'ana',
  'carlos',
  'luis',
  'juan c',
  'val',
  'dan',
  'fer',
  'sof',
  'cam',
  'and',
  'lau',
  'jorge',
  'gab',
  'ximena',
  'salome',
  'lautaro r',
  'gonz',
]

/**
 * Word searches (C14): a surname alone (common, rare, a second surname),
 * two words in any order ("cruz maria"), a word prefix. At a million
 * clients "garcia" matches about a tenth of them, "beltran" a few
 * thousand, "palacios vega" a few dozen.
 */
export const NAME_WORDS = [
  'garcia',
  'palacios',
  'villanueva',
  'beltran',
  'cruz maria',
  'rodriguez jose',
  'palacios vega',
  'martinez lopez',
  'gonzalez ana',
  'mario pala',
  'quispe',
  'ximena rios',
  'orozco',
  'lopez',
  'vill cru',
  'nunez sofia',
]

export const CLIENT_STATUSES = ['new', 'in_progress', 'contacted', 'closed']

export interface BenchSamples {
  agentIds: number[]
  campaignIds: number[]
  phones: string[]
  clients: number
  /** the X2 profile's fields (custom-fields plugin), null when not set up */
  customFields: BenchCustomFields | null
}

/**
 * Real values to vary the requests with: the agents and campaigns of the
 * bench base and the primary phones of clients spread over the whole id
 * range (so lookups do not all hit the same cached pages).
 */
export async function readSamples(
  raw: RawClient,
  customFields: BenchCustomFields | null = null
): Promise<BenchSamples> {
  const agents = await raw.query({
    sql: `SELECT id FROM users WHERE role = 'agent' ORDER BY id LIMIT 50`,
    bindings: [],
  })
  const campaigns = await raw.query({ sql: 'SELECT id FROM campaigns ORDER BY id', bindings: [] })
  const [stats] = await raw.query({
    sql: 'SELECT COUNT(*) AS total, MAX(id) AS last FROM clients',
    bindings: [],
  })
  const last = Number(stats.last ?? 0)
  const ids = Array.from(
    { length: 100 },
    (_, i) => 1 + Math.floor(((i * 7919) % 100) * (last / 100))
  )
  const phones = await raw.query({
    sql: `SELECT e164 FROM client_phones WHERE is_primary = 1 AND client_id IN (${ids.map(() => '?').join(', ')})`,
    bindings: ids,
  })
  return {
    agentIds: agents.map((row) => Number(row.id)),
    campaignIds: campaigns.map((row) => Number(row.id)),
    phones: phones.map((row) => String(row.e164)),
    clients: Number(stats.total),
    customFields,
  }
}
