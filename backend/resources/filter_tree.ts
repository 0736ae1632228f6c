import type { FieldDefinition } from './types.ts'
import { fieldInputError } from './errors.ts'
import { coerceValue } from './values.ts'

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
  return always
}

export const FILTER_LIMITS = { depth: 5, nodes: 100, inValues: 500, textLength: 200 }

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
  let count = 0
  const visit = (node: unknown, path: string, depth: number): FilterNode => {
    count += 1
    if (count > FILTER_LIMITS.nodes) {
      throw fieldInputError(path, `A filter may hold at most ${FILTER_LIMITS.nodes} conditions`)
    }
    if (depth > FILTER_LIMITS.depth) {
      throw fieldInputError(path, `Filter groups may nest at most ${FILTER_LIMITS.depth} deep`)
    }
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      throw fieldInputError(path, 'Expected an object: {and:[…]}, {or:[…]} or {field, op, value}')
    }
    const record = node as Record<string, unknown>
    const keys = Object.keys(record)
    if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
      const join = keys[0]
      const children = record[join]
      if (!Array.isArray(children) || children.length === 0) {
        throw fieldInputError(`${path}.${join}`, 'Expected a non-empty array of conditions')
      }
      return {
        kind: 'group',
        join,
        children: children.map((child, i) => visit(child, `${path}.${join}[${i}]`, depth + 1)),
      }
    }
    return parseLeaf(record, path, fields)
  }
  return visit(input, 'filter', 1)
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
