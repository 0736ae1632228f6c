import type { FieldDefinition } from './types.ts'
import { fieldInputError } from './errors.ts'
import { coerceId, coerceValue } from './values.ts'

export const OPERATORS = [
  'eq',
  'ne',
  'contains',
  'startsWith',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'null',
  'notNull',
] as const
export type Operator = (typeof OPERATORS)[number]

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'phone', 'url'])
const ORDERED_TYPES = new Set(['number', 'decimal', 'date', 'datetime'])

/**
 * Operators each field type accepts; the admin's filter builder reads the
 * same table through /api/meta.
 */
export function operatorsFor(field: FieldDefinition): Operator[] {
  const always: Operator[] = ['eq', 'ne', 'in', 'null', 'notNull']
  if (TEXT_TYPES.has(field.type)) return [...always, 'contains', 'startsWith']
  if (ORDERED_TYPES.has(field.type)) return [...always, 'gt', 'gte', 'lt', 'lte', 'between']
  if (field.type === 'boolean') return ['eq', 'ne', 'null', 'notNull']
  if (field.type === 'multiselect') return ['contains', 'null', 'notNull']
  // linked to this record, to any of these, to none, to some
  if (field.type === 'relations') return ['contains', 'in', 'null', 'notNull']
  return always
}

/**
 * The bounds of a filter, in one place. The admin's filter builder nests
 * three groups at most and a screen holds a few dozen conditions; `in`
 * carries at most a page of ids (100).
 */
export const FILTER_LIMITS = { depth: 8, leaves: 150, inValues: 500, textLength: 200 }

export type FilterNode =
  | { kind: 'group'; join: 'and' | 'or'; children: FilterNode[] }
  | { kind: 'leaf'; field: FieldDefinition; op: Operator; value: unknown }

/**
 * Parses the JSON filter tree `{and:[…]}` / `{or:[…]}` / `{field, op, value}`
 * into a checked tree: only filterable fields, only the operators of each
 * field's type, values of the right type, bounded depth and size. Anything
 * else is a 422 naming the path (e.g. `filter.and[1].op`).
 */
export function parseFilterTree(input: unknown, fields: Map<string, FieldDefinition>): FilterNode {
  checkFilterSize(input)
  const visit = (node: unknown, path: string): FilterNode => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      throw fieldInputError(path, 'Expected an object: {and:[…]}, {or:[…]} or {field, op, value}')
    }
    const record = node as Record<string, unknown>
    const children = groupChildren(record)
    if (children !== undefined) {
      const join = Object.keys(record)[0] as 'and' | 'or'
      if (!Array.isArray(children) || children.length === 0) {
        throw fieldInputError(`${path}.${join}`, 'Expected a non-empty array of conditions')
      }
      return {
        kind: 'group',
        join,
        children: children.map((child, i) => visit(child, `${path}.${join}[${i}]`)),
      }
    }
    return parseLeaf(record, path, fields)
  }
  return visit(input, 'filter')
}

/** The members of an `{and}` / `{or}` group (maybe not an array), or undefined for a leaf. */
function groupChildren(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined
  const keys = Object.keys(node)
  if (keys.length !== 1 || (keys[0] !== 'and' && keys[0] !== 'or')) return undefined
  return (node as Record<string, unknown>)[keys[0]]
}

/**
 * Measures how deep groups nest and how many conditions the tree holds,
 * with an explicit stack before anything walks it recursively, and stops
 * at the first limit passed: a tree nested 5,000 deep or 10,000 wide costs no more
 * than one within the limits.
 */
function checkFilterSize(input: unknown) {
  const stack: Array<[unknown, number]> = [[input, 1]]
  let leaves = 0
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const children = groupChildren(node)
    if (children !== undefined && depth > FILTER_LIMITS.depth) {
      throw fieldInputError(
        'filter',
        `Filter groups may nest at most ${FILTER_LIMITS.depth} deep`,
        'filterDepth',
        { max: FILTER_LIMITS.depth }
      )
    }
    const members = Array.isArray(children) ? children : []
    leaves += children === undefined ? 1 : 0
    if (leaves > FILTER_LIMITS.leaves || members.length > FILTER_LIMITS.leaves) {
      throw fieldInputError(
        'filter',
        `A filter may hold at most ${FILTER_LIMITS.leaves} conditions`,
        'filterSize',
        { max: FILTER_LIMITS.leaves }
      )
    }
    for (const child of members) stack.push([child, depth + 1])
  }
}

function parseLeaf(
  record: Record<string, unknown>,
  path: string,
  fields: Map<string, FieldDefinition>
): FilterNode {
  const unknownKey = Object.keys(record).find((key) => !['field', 'op', 'value'].includes(key))
  if (unknownKey) throw fieldInputError(`${path}.${unknownKey}`, 'Unknown key in a condition')

  const field = typeof record.field === 'string' ? fields.get(record.field) : undefined
  if (!field || !field.filterable) {
    throw fieldInputError(
      `${path}.field`,
      `Unknown or non-filterable field "${String(record.field)}"`
    )
  }
  const op = record.op as Operator
  if (typeof op !== 'string' || !operatorsFor(field).includes(op)) {
    throw fieldInputError(
      `${path}.op`,
      `Operator "${String(op)}" is not valid for field "${field.name}"`
    )
  }
  return { kind: 'leaf', field, op, value: parseOperand(field, op, record.value, `${path}.value`) }
}

function parseOperand(field: FieldDefinition, op: Operator, value: unknown, path: string) {
  if (field.type === 'relations') return relationsOperand(op, value, path)
  switch (op) {
    case 'null':
    case 'notNull':
      return null
    case 'in': {
      if (!Array.isArray(value) || value.length === 0) {
        throw fieldInputError(path, 'Expected a non-empty array')
      }
      if (value.length > FILTER_LIMITS.inValues) {
        throw fieldInputError(path, `At most ${FILTER_LIMITS.inValues} values`)
      }
      return value.map((item, i) => coerceValue(field, item, `${path}[${i}]`))
    }
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) {
        throw fieldInputError(path, 'Expected [from, to]')
      }
      return value.map((item, i) => coerceValue(field, item, `${path}[${i}]`))
    }
    case 'contains':
    case 'startsWith': {
      if (field.type === 'multiselect') {
        if (typeof value !== 'string' || !field.options?.some((option) => option.value === value)) {
          throw fieldInputError(path, `"${String(value)}" is not one of the options`)
        }
        return `,${value},`
      }
      if (typeof value !== 'string' || value.length === 0) {
        throw fieldInputError(path, 'Expected a non-empty text')
      }
      if (value.length > FILTER_LIMITS.textLength) {
        throw fieldInputError(path, `At most ${FILTER_LIMITS.textLength} characters`)
      }
      return value
    }
    default:
      return coerceValue(field, value, path)
  }
}

/** A relations filter names linked ids: one for `contains`, a list for `in`. */
function relationsOperand(op: Operator, value: unknown, path: string) {
  if (op === 'null' || op === 'notNull') return null
  if (op === 'contains') return coerceId(value, path)
  if (!Array.isArray(value) || value.length === 0) {
    throw fieldInputError(path, 'Expected a non-empty array')
  }
  if (value.length > FILTER_LIMITS.inValues) {
    throw fieldInputError(path, `At most ${FILTER_LIMITS.inValues} values`)
  }
  return value.map((item, i) => coerceId(item, `${path}[${i}]`))
}
