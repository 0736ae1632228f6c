import type { RawClient, Sql } from './raw_client.ts'

/**
 * The custom fields of the issue-6 scenarios (FEATURES X2: a custom field
 * filters and sorts as fast as a built-in column): one profile with a
 * select and a date field, created through the plugin's real API, then
 * filled for every client with deterministic values (about 20 % empty).
 */
export const BENCH_PROFILE = 'Bench X2'

/** `bench_segmento` options and their share of the clients (the rest, 20 %, is empty). */
export const SEGMENT_OPTIONS = [
  { value: 'premium', es: 'Premium', en: 'Premium', upTo: 52 },
  { value: 'alto', es: 'Alto', en: 'High', upTo: 72 },
  { value: 'medio', es: 'Medio', en: 'Medium', upTo: 84 },
  { value: 'bajo', es: 'Bajo', en: 'Low', upTo: 93 },
  { value: 'sin_potencial', es: 'Sin potencial', en: 'No potential', upTo: 100 },
]
const EMPTY_BELOW = 20

export interface BenchCustomFields {
  selectKey: string
  selectOptions: string[]
  dateKey: string
}

/**
 * The fields as the columns of the resource cf_fields. Their keys are the
 * bench's own: the demo's Cobranzas profile has a `segmento` of its own
 * (oro, plata, bronce), which the bench once took for its field and filled
 * with values that are not its options.
 */
const FIELDS = {
  select: {
    key: 'bench_segmento',
    type: 'select',
    label_es: 'Segmento',
    label_en: 'Segment',
    options: JSON.stringify(
      SEGMENT_OPTIONS.map(({ value, es, en }) => ({ value, label: { es, en } }))
    ),
  },
  date: {
    key: 'bench_fecha_visita',
    type: 'date',
    label_es: 'Fecha de visita',
    label_en: 'Visit date',
  },
}

/** Rows per UPDATE … WHERE id BETWEEN ? AND ? */
const BATCH = 20_000

interface Api {
  baseUrl: string
  token: string
}

interface ProfileBody {
  id: number
  name: string
  fields: Array<{ key: string }>
}

/** The plugin's own routes (profiles). */
function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(api, method, `/api/p/custom-fields/${path}`, body)
}

async function request<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: {
      'authorization': `Bearer ${api.token}`,
      'accept': 'application/json',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
  }
  return ((await response.json()) as { data: T }).data
}

/**
 * Creates (once) the bench profile and its two fields through
 * POST /api/r/cf_profiles and POST /api/r/cf_fields (the
 * engine's create, which adds the column), as a supervisor would, then
 * fills their values (only where still missing).
 */
export async function ensureCustomFields(api: Api, raw: RawClient): Promise<BenchCustomFields> {
  let profiles = await call<ProfileBody[]>(api, 'GET', 'profiles')
  let profile = profiles.find((candidate) => candidate.name === BENCH_PROFILE)
  if (!profile) {
    const campaigns = await raw.query({ sql: 'SELECT id FROM campaigns ORDER BY id', bindings: [] })
    const created = await request<{ id: number }>(api, 'POST', '/api/r/cf_profiles', {
      name: BENCH_PROFILE,
      description: 'npm run bench: X2 scenarios',
      campaigns: campaigns.map((row) => Number(row.id)),
    })
    console.log(`custom fields: created profile "${BENCH_PROFILE}" #${created.id}`)
    profiles = await call<ProfileBody[]>(api, 'GET', 'profiles')
    profile = profiles.find((candidate) => candidate.id === created.id)!
  }
  const keys = new Set(profiles.flatMap((candidate) => candidate.fields.map((field) => field.key)))
  for (const field of [FIELDS.select, FIELDS.date]) {
    if (keys.has(field.key)) continue
    const started = performance.now()
    await request(api, 'POST', '/api/r/cf_fields', { ...field, profile_id: profile.id })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`custom fields: created ${field.type} field "${field.key}" (${seconds} s)`)
  }
  await fillValues(raw)
  return {
    selectKey: FIELDS.select.key,
    selectOptions: SEGMENT_OPTIONS.map((option) => option.value),
    dateKey: FIELDS.date.key,
  }
}

/** (id × 61) mod 100 and (id × 31) mod 100: spread evenly, the same on every run. */
const selectBucket = '((id * 61) % 100)'
const dateBucket = '((id * 31) % 100)'

function selectValue() {
  const cases = SEGMENT_OPTIONS.map(
    ({ value, upTo }) => `WHEN ${selectBucket} < ${upTo} THEN '${value}'`
  )
  return `CASE WHEN ${selectBucket} < ${EMPTY_BELOW} THEN NULL ${cases.join(' ')} END`
}

/** A visit date over the two years before 2026-11-25 (SQLite stores DATE as 'YYYY-MM-DD'). */
function dateValue(dialect: RawClient['dialect']) {
  const days = '((id * 7919) % 730)'
  const date =
    dialect === 'sqlite'
      ? `date('2026-11-25', '-' || ${days} || ' days')`
      : `DATE_SUB('2026-11-25', INTERVAL ${days} DAY)`
  return `CASE WHEN ${dateBucket} < ${EMPTY_BELOW} THEN NULL ELSE ${date} END`
}

/**
 * Fills both columns in batches from the first client that still lacks a
 * value it should have (found on the columns' own indexes), so an
 * interrupted fill resumes and a complete one costs two index reads.
 */
async function fillValues(raw: RawClient) {
  const { selectKey, dateKey } = { selectKey: FIELDS.select.key, dateKey: FIELDS.date.key }
  const missing = async (column: string, bucket: string) => {
    const [row] = await raw.query({
      sql: `SELECT MIN(id) AS id FROM clients WHERE ${column} IS NULL AND ${bucket} >= ${EMPTY_BELOW}`,
      bindings: [],
    })
    return row.id === null || row.id === undefined ? null : Number(row.id)
  }
  const starts = [await missing(selectKey, selectBucket), await missing(dateKey, dateBucket)]
  const pending = starts.filter((id): id is number => id !== null)
  if (pending.length === 0) return
  const [stats] = await raw.query({ sql: 'SELECT MAX(id) AS last FROM clients', bindings: [] })
  const last = Number(stats.last)
  const first = Math.min(...pending)
  const started = performance.now()
  for (let from = first; from <= last; from += BATCH) {
    const statement: Sql = {
      sql:
        `UPDATE clients SET ${selectKey} = ${selectValue()}, ${dateKey} = ${dateValue(raw.dialect)} ` +
        'WHERE id BETWEEN ? AND ?',
      bindings: [from, Math.min(from + BATCH - 1, last)],
    }
    await raw.query(statement)
    const done = Math.min(from + BATCH - 1, last)
    if ((done - first + 1) % (BATCH * 10) < BATCH || done === last) {
      const seconds = (performance.now() - started) / 1000
      console.log(
        `custom fields: values up to id ${done.toLocaleString('en-US')} (${seconds.toFixed(0)} s)`
      )
    }
  }
}
