import { foldForSearch } from '#services/client_names'
import { Prng } from '#database/factories/fake_clients/prng'
import { phoneOf } from '#database/factories/fake_clients/phone_plan'
import type { Row } from '#database/factories/fake_clients/row_inserter'
import {
  NAMESPACE,
  SECONDARY_PHONE_SERIAL,
  sqlDateTime,
} from '#database/factories/fake_clients/client_row'
import { DEMO_NOTES, DEMO_PLACES, DEMO_TASKS } from '#database/demo_texts'

const DAY_MS = 86_400_000

export interface DemoExtras {
  phones: Row[]
  emails: Row[]
  addresses: Row[]
  notes: Row[]
  tasks: Row[]
}

/**
 * What a worked client card has besides its primary phone: sometimes a
 * second phone or e-mail, often an address, a few notes, and a task that
 * may be overdue. Drawn from the client's id, like the client itself.
 */
export function demoExtrasFor(client: Row, supervisorId: number, nowMs: number): DemoExtras {
  const id = Number(client.id)
  const random = Prng.forRow(id, NAMESPACE.extras)
  const createdMs = Date.parse(`${client.created_at}Z`)
  const country = String(client.country)
  const owner = (client.assigned_user_id as number | null) ?? supervisorId
  const at = (fromMs: number) => sqlDateTime(fromMs + random.next() * (nowMs - fromMs))
  const extras: DemoExtras = { phones: [], emails: [], addresses: [], notes: [], tasks: [] }

  if (random.chance(0.2)) {
    const phone = phoneOf(SECONDARY_PHONE_SERIAL + id)
    extras.phones.push({
      client_id: id,
      e164: phone.e164,
      country: phone.country,
      label: random.pick(['Casa', 'Trabajo', 'Familiar']),
      is_primary: 0,
      verified: 0,
      created_at: at(createdMs),
      updated_at: null,
    })
  }
  if (random.chance(0.1)) {
    const given = foldForSearch(String(client.first_name)).split(' ')[0]
    const surname = foldForSearch(String(client.last_name)).split(' ')[0]
    extras.emails.push({
      client_id: id,
      email: `${given}.${surname}.${id}@${random.pick(['yahoo.com', 'live.com', 'icloud.com'])}`,
      label: random.pick(['Personal', 'Trabajo']),
      is_primary: 0,
      verified: random.chance(0.5) ? 1 : 0,
      created_at: at(createdMs),
      updated_at: null,
    })
  }
  if (random.chance(0.6)) extras.addresses.push(address(id, country, random, at(createdMs)))

  const noteCount = random.chance(0.35) ? random.int(1, 3) : 0
  for (let i = 0; i < noteCount; i++) {
    const written = at(createdMs)
    extras.notes.push({
      client_id: id,
      author_id: random.chance(0.8) ? owner : supervisorId,
      body: random.pick(DEMO_NOTES),
      created_at: written,
      updated_at: written,
    })
  }
  if (random.chance(0.15)) extras.tasks.push(task(id, owner, supervisorId, random, nowMs))
  return extras
}

function address(id: number, country: string, random: Prng, createdAt: string): Row {
  const place = DEMO_PLACES[country] ?? DEMO_PLACES.CO
  const [city, region, postalCode] = random.pick(place.cities)
  const line1 = random
    .pick(place.streets)
    .replace('{n}', String(random.int(1, 180)))
    .replace('{m}', String(random.int(1, 12)))
    .replace('{k}', String(random.int(10, 99)))
  return {
    client_id: id,
    label: random.pick(['Casa', 'Casa', 'Trabajo']),
    line1,
    line2: null,
    city,
    region,
    postal_code: postalCode,
    country,
    created_at: createdAt,
    updated_at: null,
  }
}

/**
 * Due between three weeks ago and two weeks ahead; half of the past ones
 * are done, the rest show up as overdue.
 */
function task(id: number, owner: number, supervisorId: number, random: Prng, nowMs: number): Row {
  const dueMs = nowMs + random.int(-21, 14) * DAY_MS + random.int(8, 18) * 3_600_000
  const done = dueMs < nowMs && random.chance(0.5)
  const createdMs = Math.min(dueMs, nowMs) - random.int(1, 10) * DAY_MS
  return {
    client_id: id,
    title: random.pick(DEMO_TASKS),
    due_at: sqlDateTime(dueMs),
    done: done ? 1 : 0,
    done_at: done ? sqlDateTime(dueMs - random.int(0, 2) * 3_600_000) : null,
    assigned_user_id: owner,
    created_by: supervisorId,
    created_at: sqlDateTime(createdMs),
    updated_at: sqlDateTime(createdMs),
  }
}
