import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { JSON_TYPES } from '#config/bodyparser'
import { walkJson } from '#services/json_nesting'
import { TableroError } from '#exceptions/tablero_error'

/** What the body parser's strict mode accepted: an object or an array. */
const OBJECT_OR_ARRAY = /^[ \t\n\r]*[[{]/

/**
 * Parses JSON bodies, which the body parser reads as text (see
 * config/bodyparser.ts), with no recursion: JSON.parse itself is iterative,
 * then one explicit-stack walk refuses a document nested deeper than the
 * API takes (422 naming the member and the limit, the same answer a
 * `?filter=` query string gets), trims texts and turns empty ones into
 * null (as the body parser did), and refuses prototype keys.
 */
export default class JsonBodyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const text = ctx.request.raw()
    if (ctx.request.bodyType !== 'raw' || !text || !ctx.request.is(JSON_TYPES)) return next()
    if (!OBJECT_OR_ARRAY.test(text)) {
      throw new TableroError('INVALID_JSON', 'The body must be a JSON object or array', 422)
    }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(text)
    } catch (error) {
      throw new TableroError('INVALID_JSON', `The body is not valid JSON: ${error}`, 400)
    }
    normalize(body)
    for (const [key, member] of Object.entries(body)) walkJson(member, key, normalize)
    ctx.request.updateBody(body)
    ctx.request.bodyType = 'json'
    return next()
  }
}

function normalizeText(value: unknown) {
  if (typeof value !== 'string') return value
  const text = value.trim()
  return text === '' ? null : text
}

function normalize(container: Record<string, unknown> | unknown[]) {
  if (Array.isArray(container)) {
    for (let i = 0; i < container.length; i++) container[i] = normalizeText(container[i])
    return
  }
  if (Object.hasOwn(container, '__proto__')) {
    throw new TableroError('INVALID_JSON', 'The body holds a forbidden "__proto__" key', 400)
  }
  for (const key of Object.keys(container)) container[key] = normalizeText(container[key])
}
