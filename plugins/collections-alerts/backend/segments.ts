import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { TableroError, authorize, fieldInputError, notFound, resourceService } from '#sdk'
import db from '@adonisjs/lucid/services/db'
import { SEGMENTS } from './access.ts'

const treeValidator = vine.compile(vine.object({ filter: vine.any().nullable().optional() }))
const segmentValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(120),
    filter: vine.any(),
  })
)

/**
 * The clients a filter tree selects, for this user (the clients list's
 * permission, row scope and filter parser: an unknown field or operator is a
 * 422 naming its path). Answers the count only.
 */
async function countClients(ctx: HttpContext, filter: unknown) {
  if (filter !== null && typeof filter !== 'object') {
    throw fieldInputError('filter', 'A segment needs a filter tree', 'object')
  }
  const service = await resourceService(ctx)
  // no tree (nothing chosen yet): every client the user sees
  const input = filter === null ? {} : { filter: JSON.stringify(filter) }
  const { query } = service.matching('clients', input)
  const row = await query.clearSelect().count('* as total').first()
  return Number(row?.total ?? 0)
}

/** A8: the count of a segment being edited, asked again as the tree changes. */
export async function countTree(ctx: HttpContext) {
  authorize(ctx, SEGMENTS)
  const { filter } = await ctx.request.validateUsing(treeValidator)
  return { data: { total: await countClients(ctx, filter ?? null) } }
}

/** Saves a named segment once its tree parses; answers it with its count. */
export async function saveSegment(ctx: HttpContext) {
  authorize(ctx, SEGMENTS)
  const { name, filter } = await ctx.request.validateUsing(segmentValidator)
  if (filter === null || typeof filter !== 'object') {
    throw fieldInputError('filter', 'Choose at least one condition', 'required')
  }
  const total = await countClients(ctx, filter)
  const service = await resourceService(ctx)
  const values = { name, filter: JSON.stringify(filter) }
  const options = { source: 'api' as const, permission: SEGMENTS }
  const saved = ctx.params.id
    ? await service.update('ca_segments', ctx.params.id, values, options)
    : await service.create('ca_segments', values, options)
  return ctx.response.status(ctx.params.id ? 200 : 201).send({ data: { ...saved.data, total } })
}

/** A saved segment's count now: a list's filter, an assignment's or a dialer list's source. */
export async function segmentCount(ctx: HttpContext) {
  authorize(ctx, SEGMENTS)
  const segment = await db
    .from('ca_segments')
    .where('id', Number(ctx.params.id) || 0)
    .first()
  if (!segment) throw notFound('ca_segments')
  try {
    return { data: { total: await countClients(ctx, JSON.parse(segment.filter)) } }
  } catch (error) {
    if (error instanceof TableroError) throw error
    throw new TableroError('BAD_SEGMENT', 'This segment no longer parses', 409)
  }
}
