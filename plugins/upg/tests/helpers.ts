import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import { type signIn, startFakeGateway } from '#sdk/testing'
import { resetBreakers } from '../backend/gateway.ts'
import { signBody } from '../backend/webhooks.ts'

type Session = Awaited<ReturnType<typeof signIn>>

/** A resource's CSV import as the admin drives it: upload, validate, start, wait. */
export async function importCsv(session: Session, resource: string, csv: string) {
  const uploaded = await session
    .post(`/api/r/${resource}/imports`)
    .file('file', Buffer.from(csv), { filename: `${resource}.csv` })
  uploaded.assertStatus(202)
  const id = uploaded.body().data.id as number
  const wait = async () => {
    for (let poll = 0; poll < 2000; poll++) {
      const job = (await session.get(`/api/r/${resource}/imports/${id}`)).body().data
      if (!['validating', 'importing'].includes(job.status)) return job
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    throw new Error(`import ${id} never settled`)
  }
  const ready = await wait()
  if (ready.status !== 'ready') throw new Error(JSON.stringify(ready))
  ;(await session.post(`/api/r/${resource}/imports/${id}/start`)).assertStatus(202)
  return wait()
}

export const WEBHOOK = '/api/webhooks/upg/events'
export const SECRET = 'secreto-de-la-pasarela'

/** Posts a webhook event signed (or not, or wrongly) as the gateway does. */
export function postEvent(
  client: ApiClient,
  event: unknown,
  signature: 'good' | 'bad' | 'none' = 'good'
) {
  const body = JSON.stringify(event)
  const request = client.post(WEBHOOK).header('content-type', 'application/json')
  if (signature === 'good') request.header('x-upg-signature', signBody(SECRET, body))
  if (signature === 'bad') request.header('x-upg-signature', signBody('otro-secreto', body))
  return request.json(event as object)
}

/** Every row of every table, as text: to prove a value is stored nowhere. */
export async function everyStoredRow() {
  const tables =
    db.connection().dialect.name === 'sqlite3' || db.connection().dialect.name === 'better-sqlite3'
      ? (await db.rawQuery("select name from sqlite_master where type = 'table'")).map(
          (row: { name: string }) => row.name
        )
      : (
          await db.rawQuery(
            'select table_name as name from information_schema.tables where table_schema = database()'
          )
        )[0].map((row: { name: string }) => row.name)
  const texts: string[] = []
  for (const table of tables) {
    const rows = await db.from(table).select('*')
    texts.push(`${table}: ${JSON.stringify(rows)}`)
  }
  return texts.join('\n')
}

const VARIABLES = [
  'UPG_ADAPTER',
  'UPG_URL',
  'UPG_TOKEN',
  'UPG_TIMEOUT_MS',
  'UPG_RETRIES',
  'UPG_RETRY_DELAY_MS',
  'UPG_BREAKER_FAILURES',
  'UPG_BREAKER_COOLDOWN_MS',
]

type Answer = { status: number; body: unknown; delayMs?: number }

/**
 * A fake gateway the test starts, with the connector pointed at it (short
 * time-outs and pauses so the test stays quick); `stop()` restores the env.
 */
export async function startFakeUpg(
  answer: (request: { method: string; url: string }) => Answer,
  settings: Record<string, string> = {}
) {
  const saved = VARIABLES.map((name) => process.env[name])
  let fake: Awaited<ReturnType<typeof startFakeGateway>> | undefined
  fake = await startFakeGateway((index) => answer(fake!.received[index]))
  Object.assign(process.env, {
    UPG_ADAPTER: 'http',
    UPG_URL: fake.origin,
    UPG_TIMEOUT_MS: '300',
    UPG_RETRIES: '2',
    UPG_RETRY_DELAY_MS: '10',
    UPG_BREAKER_FAILURES: '3',
    UPG_BREAKER_COOLDOWN_MS: '600000',
    ...settings,
  })
  resetBreakers()
  return {
    fake,
    async stop() {
      VARIABLES.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name]
        else process.env[name] = saved[index]
      })
      resetBreakers()
      await fake!.close()
    },
  }
}
