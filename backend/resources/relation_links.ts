import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { fieldInputError } from './errors.ts'
import { ARCHIVED_AT, primaryKeyOf } from './resource_registry.ts'
import type { ResourceAccess } from './resource_access.ts'
import type { FieldDefinition, ResourceDefinition } from './types.ts'
import { readDirectly, readsDirectly } from '#services/sqlite_reads'

type Row = Record<string, unknown>
type Fields = Map<string, FieldDefinition>
/** field name → the ids it links */
export type Links = Record<string, number[]>

/** Each field set's relations fields, found once. */
const relationsOf = new WeakMap<Fields, FieldDefinition[]>()

/** The many-to-many fields of a field set (none for most resources: then nothing below queries). */
export function relationsFields(fields: Fields): FieldDefinition[] {
  let list = relationsOf.get(fields)
  if (!list) {
    list = [...fields.values()].filter((field) => field.type === 'relations' && field.through)
    relationsOf.set(fields, list)
  }
  return list
}

/** The links read's SQL per field set and number of ids, compiled once (see ListShapes). */
const linkReads = new Map<string, string>()
const LINK_READS_KEPT = 1_000

/**
 * One statement for every relations field of the rows: each field's link
 * table read for the ids, tagged with the field's place (`f`), as
 * `UNION ALL`, ordered by field then linked id. On MySQL one round trip
 * instead of one per field (collections-alerts gives clients two).
 */
function linkReadSql(client: QueryClientContract, relations: FieldDefinition[], count: number) {
  const key = `${client.dialect.name} ${count} ${relations
    .map(({ through }) => `${through!.table}.${through!.localKey}.${through!.foreignKey}`)
    .join(' ')}`
  let sql = linkReads.get(key)
  if (sql === undefined) {
    const parts = relations.map(
      ({ through }, place) =>
        client
          .from(through!.table)
          .whereIn(through!.localKey, new Array(count).fill(0))
          .select(
            client.raw(`${place} as ${LINK_FIELD}`),
            `${through!.localKey} as ${LINK_ROW}`,
            `${through!.foreignKey} as ${LINK_ID}`
          )
          .toSQL()
          .toNative().sql
    )
    sql = `${parts.join(' union all ')} order by ${LINK_FIELD}, ${LINK_ID}`
    if (linkReads.size >= LINK_READS_KEPT) linkReads.clear()
    linkReads.set(key, sql)
  }
  return sql
}

const LINK_FIELD = 'link_field'
const LINK_ROW = 'link_row'
const LINK_ID = 'link_id'

/**
 * Puts each relations field's linked ids on the rows (`row[field]`, in
 * ascending order): one query for all the fields and all the rows together
 * (linkReadSql), so a page of a list or a batch of an export costs the
 * same one query, never one per row or per field.
 */
export async function loadLinks(
  definition: ResourceDefinition,
  fields: Fields,
  rows: Row[],
  client: QueryClientContract
) {
  const relations = relationsFields(fields)
  if (relations.length === 0 || rows.length === 0) return
  const pk = primaryKeyOf(definition)
  const ids = rows.map((row) => row[pk] as number)
  const sql = linkReadSql(client, relations, ids.length)
  const bindings = relations.flatMap(() => ids)
  // on a list's page, beside the page's own direct read (see readDirectly)
  const direct = readsDirectly(client) ? await readDirectly(client, { sql, bindings }) : null
  const pairs = direct ?? (await readLinks(client, sql, bindings))
  const byField = relations.map(() => new Map<string, number[]>())
  for (const pair of pairs) {
    const byRow = byField[Number(pair[LINK_FIELD])]
    const key = String(pair[LINK_ROW])
    const list = byRow.get(key) ?? []
    list.push(Number(pair[LINK_ID]))
    byRow.set(key, list)
  }
  relations.forEach((field, place) => {
    for (const row of rows) row[field.name] = byField[place].get(String(row[pk])) ?? []
  })
}

/**
 * loadLinks for a reader (list, record, export, report): a field's rows with
 * no link get what the field's `whenNone` shows for them.
 */
export async function loadShownLinks(
  definition: ResourceDefinition,
  fields: Fields,
  rows: Row[],
  client: QueryClientContract
) {
  await loadLinks(definition, fields, rows, client)
  for (const field of relationsFields(fields)) {
    const whenNone = field.through!.whenNone
    if (!whenNone) continue
    const bare = rows.filter((row) => (row[field.name] as number[]).length === 0)
    if (bare.length === 0) continue
    const shown = await whenNone(bare, client)
    bare.forEach((row, i) => (row[field.name] = shown[i] ?? []))
  }
}

async function readLinks(client: QueryClientContract, sql: string, ids: number[]) {
  const answer = await client.rawQuery(sql, ids as never[])
  return (client.dialect.name === 'mysql' ? answer[0] : answer) as Row[]
}

/** Takes the relations values out of a write's values (they are no columns) and answers them. */
export function takeLinks(fields: Fields, values: Row): Links {
  const links: Links = {}
  for (const field of relationsFields(fields)) {
    if (values[field.name] === undefined) continue
    links[field.name] = (values[field.name] as number[] | null) ?? []
    delete values[field.name]
  }
  return links
}

/** Replaces each named field's set of links of record `id` (the caller's transaction). */
export async function replaceLinks(
  fields: Fields,
  id: unknown,
  links: Links,
  trx: QueryClientContract
) {
  for (const [name, ids] of Object.entries(links)) {
    const { table, localKey, foreignKey } = fields.get(name)!.through!
    await trx
      .from(table)
      .where(localKey, id as never)
      .delete()
    if (ids.length === 0) continue
    await trx
      .insertQuery()
      .table(table)
      .multiInsert(ids.map((linked) => ({ [localKey]: id, [foreignKey]: linked })))
  }
}

/** Removes every link of record `id` (it is being deleted). */
export async function dropLinks(fields: Fields, id: unknown, trx: QueryClientContract) {
  for (const field of relationsFields(fields)) {
    const { table, localKey } = field.through!
    await trx
      .from(table)
      .where(localKey, id as never)
      .delete()
  }
}

/** The links a presented row holds, for an event's payload; undefined when it has none. */
export function linksOf(fields: Fields, row: Row): Links | undefined {
  const relations = relationsFields(fields)
  if (relations.length === 0) return undefined
  return Object.fromEntries(relations.map((field) => [field.name, row[field.name] as number[]]))
}

/**
 * A write may link only records that exist and that the user may see
 * (the target's `show` permission and row scope, as its list applies
 * them), and no archived one it did not link already: otherwise a 422
 * naming the field, and an id the user may not see is told as missing.
 * Only the ids being added are checked (`before`: the set stored), so a
 * link someone else made stays as it is.
 */
export async function checkLinks(
  access: ResourceAccess,
  fields: Fields,
  values: Row,
  trx: QueryClientContract,
  before?: Row
) {
  for (const field of relationsFields(fields)) {
    const ids = values[field.name] as number[] | null | undefined
    if (!ids || ids.length === 0) continue
    const stored = new Set((before?.[field.name] as number[] | undefined) ?? [])
    const added = ids.filter((id) => !stored.has(id))
    if (added.length === 0) continue
    const target = access.registry.find(field.relation!.resource)
    if (!target) {
      throw fieldInputError(field.name, `${field.relation!.resource} is not available`, 'exists')
    }
    const readable = await access.readableIds(target.name, added, trx)
    const missing = added.find((id) => !readable.has(id) && !readable.has(String(id)))
    if (missing !== undefined) {
      throw fieldInputError(field.name, `No ${target.name} record ${missing}`, 'exists', {
        id: missing,
      })
    }
    if (!target.archivable) continue
    const archived = await trx
      .from(target.table)
      .whereIn(primaryKeyOf(target), added)
      .whereNotNull(ARCHIVED_AT)
      .select(primaryKeyOf(target))
      .first()
    if (archived) {
      const id = archived[primaryKeyOf(target)]
      throw fieldInputError(
        field.name,
        `${target.name} record ${String(id)} is archived: restore it to choose it`,
        'archived',
        { id: Number(id) }
      )
    }
  }
}
