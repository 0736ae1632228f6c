import { documentKey, searchName, foldForSearch } from '#services/client_names'
import { Prng, WeightedTable } from './prng.ts'
import { drawName } from './name_lists.ts'
import { countryPlanOf, phoneOf } from './phone_plan.ts'
import { documentFor } from './documents.ts'
import type { StaffPlan } from './staff_plan.ts'

/** Row-generator namespaces: each kind of fake row draws from its own stream. */
export const NAMESPACE = { client: 1, extras: 2 }

/**
 * Secondary phones take serials from here on, far above any fake client id (the phone plan holds 4·10^8 serials), so
 * they never collide with a primary phone.
 */
export const SECONDARY_PHONE_SERIAL = 100_000_000

const DAY_MS = 86_400_000
const STATUSES = new WeightedTable([
  ['new', 40],
  ['in_progress', 25],
  ['contacted', 25],
  ['closed', 10],
] as const)

const MAIL_DOMAINS: Record<string, string[]> = {
  CO: ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'une.net.co'],
  MX: ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.mx', 'prodigy.net.mx'],
  PE: ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.es'],
  CL: ['gmail.com', 'hotmail.com', 'outlook.com', 'vtr.net'],
  AR: ['gmail.com', 'hotmail.com', 'yahoo.com.ar', 'fibertel.com.ar'],
  ES: ['gmail.com', 'hotmail.es', 'outlook.es', 'yahoo.es', 'telefonica.net'],
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
}

export interface FakeClient {
  client: Record<string, string | number | null>
  phone: Record<string, string | number | null>
}

/**
 * The client with this id: name, document, e-mail, unique primary phone,
 * status, flags, campaign and agent, dates within the year before `anchor`.
 * Pure: the same id, staff and anchor always give the same row.
 */
export function fakeClient(id: number, staff: StaffPlan, anchorMs: number): FakeClient {
  const random = Prng.forRow(id, NAMESPACE.client)
  const next = () => random.next()
  const name = drawName(next)
  const plan = countryPlanOf(id)
  const phone = phoneOf(id)
  const createdMs = anchorMs - random.int(1, 365 * DAY_MS)
  const status = random.weighted(STATUSES)
  const touchedMs =
    status === 'new' ? null : createdMs + Math.floor(random.next() * (anchorMs - createdMs))
  const birthDate = sqlDate(Date.UTC(random.int(1950, 2006), random.int(0, 11), random.int(1, 28)))
  const { campaignId, agentId } = staff.draw(random)
  const created = sqlDateTime(createdMs)

  return {
    client: {
      id,
      first_name: name.firstName,
      last_name: name.lastName,
      search_name: searchName(name.firstName, name.lastName),
      ...documentFields(
        random.chance(0.95) ? documentFor(plan.country, id, { ...name, birthDate }) : null
      ),
      email: random.chance(0.85)
        ? emailFor(name.firstName, name.lastName, id, plan.country, random)
        : null,
      primary_phone: phone.e164,
      country: phone.country,
      gender: name.gender,
      birth_date: random.chance(0.8) ? birthDate : null,
      status,
      vip: random.chance(0.05) ? 1 : 0,
      bad: random.chance(0.03) ? 1 : 0,
      campaign_id: campaignId,
      assigned_user_id: agentId,
      last_interaction_at: touchedMs === null ? null : sqlDateTime(touchedMs),
      created_at: created,
      updated_at: touchedMs === null ? created : sqlDateTime(touchedMs),
    },
    phone: {
      client_id: id,
      e164: phone.e164,
      country: phone.country,
      label: random.chance(0.8) ? 'Celular' : 'Principal',
      is_primary: 1,
      verified: random.chance(0.4) ? 1 : 0,
      created_at: created,
      updated_at: null,
    },
  }
}

/**
 * "maria.gomez1523@gmail.com": folded first given name and first surname,
 * the id to keep it unique.
 */
export function emailFor(
  firstName: string,
  lastName: string,
  id: number,
  country: string,
  random: Prng
) {
  const given = foldForSearch(firstName).split(' ')[0]
  const surname = foldForSearch(lastName).split(' ')[0]
  const separator = random.pick(['.', '_', ''])
  return `${given}${separator}${surname}${id}@${random.pick(MAIL_DOMAINS[country])}`
}

/** UTC 'yyyy-LL-dd HH:mm:ss' (as toSqlDateTime), without luxon's cost per row. */
export function sqlDateTime(ms: number) {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

export function sqlDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10)
}

/** A document and its search key (clients.document_key), as ClientRules writes them. */
function documentFields(document: string | null) {
  return { document, document_key: documentKey(document) }
}
