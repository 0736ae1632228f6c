import grants from '#services/grants'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type User from '#models/user'
import { TableroError } from '#exceptions/tablero_error'
import { primaryKeyOf, type ResourceRegistry } from './resource_registry.ts'
import type { FieldDefinition, ResourceAction, ResourceDefinition } from './types.ts'
import { presentRow } from './values.ts'
import { notFound } from './errors.ts'

const MAX_ID_LENGTH = 64

/**
 * What both sides of the engine share: who asks (the request's user), what
 * they may do (role × resource × action), which rows they see (the role's
 * row scope, a satellite's parent scope), and how a row is presented.
 * Reads (ResourceQueries) and writes (ResourceCommands) build on it.
 */
export class ResourceAccess {
  constructor(
    readonly registry: ResourceRegistry,
    readonly ctx: HttpContext
  ) {}

  get user() {
    return this.ctx.auth.getUserOrFail() as User
  }

  authorize(name: string, action: ResourceAction) {
    const definition = this.registry.getOrFail(name)
    if (!this.registry.can(this.user, definition, action)) {
      throw new TableroError('FORBIDDEN', `You may not ${action} ${definition.name}`, 403)
    }
    return { definition, fields: this.registry.fieldsFor(definition, this.user) }
  }

  /** As `authorize`, by a permission key the caller names (WriteOptions.permission). */
  authorizeBy(name: string, permission: string, action: 'create' | 'update') {
    const definition = this.registry.getOrFail(name)
    if (!grants.allows(this.user.role, permission)) {
      throw new TableroError('FORBIDDEN', `You may not ${action} ${definition.name}`, 403)
    }
    return { definition, fields: this.registry.fieldsFor(definition, this.user) }
  }

  scoped(definition: ResourceDefinition, client: QueryClientContract = db.connection()) {
    const query = client.from(definition.table)
    this.restrict(definition, query, client)
    return query
  }

  /**
   * Applies the role's row scope, and for a satellite its parent's scope:
   * a phone is visible only when its client is.
   */
  restrict(
    definition: ResourceDefinition,
    query: DatabaseQueryBuilderContract,
    client: QueryClientContract
  ) {
    this.registry.restrict(definition, query, this.user, client)
  }

  hasScope(definition: ResourceDefinition): boolean {
    return this.registry.hasScope(definition, this.user)
  }

  /** Passwords are written, never read: they are neither selected nor shown. */
  present(fields: Map<string, FieldDefinition>, row: Record<string, unknown>) {
    return presentRow(fields, row)
  }

  /** The table's columns a read selects: no password, and no relations (they live in link tables). */
  columns(fields: Map<string, FieldDefinition>) {
    return [...fields.values()]
      .filter((field) => field.type !== 'password' && field.type !== 'relations')
      .map((field) => field.name)
  }

  /** The id of a URL, checked against the primary key's type: 404 when it cannot be one. */
  id(definition: ResourceDefinition, fields: Map<string, FieldDefinition>, raw: unknown) {
    const pk = fields.get(primaryKeyOf(definition))!
    const text = String(raw ?? '')
    if (pk.type === 'number') {
      if (!/^\d{1,15}$/.test(text)) throw notFound(definition.name)
      return Number(text)
    }
    if (text.length === 0 || text.length > MAX_ID_LENGTH) throw notFound(definition.name)
    return text
  }

  async findRow(
    definition: ResourceDefinition,
    fields: Map<string, FieldDefinition>,
    rawId: unknown,
    client?: QueryClientContract
  ) {
    const id = this.id(definition, fields, rawId)
    const query = this.scoped(definition, client).where(primaryKeyOf(definition), id)
    if (client && client.dialect.name === 'mysql') query.forUpdate()
    const row = await query.select(this.columns(fields)).first()
    if (!row) throw notFound(definition.name)
    return row as Record<string, unknown>
  }

  /**
   * Which of `ids` the user may read: the `show` permission and the row
   * scope the list applies, so what a refusal names never says more than
   * the list would show.
   */
  async readableIds(
    name: string,
    ids: Array<string | number>,
    client: QueryClientContract = db.connection()
  ) {
    const definition = this.registry.getOrFail(name)
    if (ids.length === 0 || !this.registry.can(this.user, definition, 'show')) return new Set()
    const pk = primaryKeyOf(definition)
    const rows = await this.scoped(definition, client).whereIn(pk, ids).select(pk)
    return new Set<unknown>(rows.map((row) => row[pk]))
  }
}
