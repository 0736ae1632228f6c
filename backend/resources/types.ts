import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { Translated } from '#kernel'
import type User from '#models/user'
import type { Role } from '#models/user'
import type { AuditActor } from '#services/audit_log'
import type { MenuGroup } from '#shared/menu_groups'

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'number',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'relation',
  'relations',
  'password',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export const ACTIONS = ['list', 'show', 'create', 'update', 'delete', 'export', 'import'] as const
export type ResourceAction = (typeof ACTIONS)[number]

export interface SelectOption {
  value: string
  label: Translated
}

/**
 * The record a relation field points at, and how the admin names it.
 * `labelField` is also where a picker's "contains" search looks when the
 * target has no `q` search; `labelFields`, when given, replaces it as the
 * label: those fields' values joined by a space, empty ones skipped
 * ("María Gómez" rather than "María").
 */
export interface RelationDefinition {
  resource: string
  labelField: string
  labelFields?: string[]
}

/**
 * Where a `relations` field keeps its links: a table of (localKey,
 * foreignKey) pairs, one row per linked record (a profile's campaigns).
 * The engine reads and replaces the pairs; the table's own primary key
 * (localKey, foreignKey) and an index on foreignKey serve the filters.
 */
export interface RelationsThrough {
  table: string
  /** the column holding this resource's primary key */
  localKey: string
  /** the column holding the linked record's primary key */
  foreignKey: string
  /**
   * What a reader sees for a row with no link (a list page, a record, an
   * export, a report's client columns; never the audit's before and after
   * rows): the ids to show instead, or none. "Contactabilidad" shows
   * "Contactable" or "Nuevo" for a client with no problem row. One call for
   * all the rows, on the reader's connection; a row may lack the columns
   * the rule needs (a report reads only the names), so it reads them itself.
   */
  whenNone?: (
    rows: Array<Record<string, unknown>>,
    client: QueryClientContract
  ) => Promise<Array<number[]>>
}

/**
 * One field of a resource: a column of its table, described as data so the
 * API validates it, the query parser accepts it, and the admin renders it.
 */
export interface FieldDefinition {
  name: string
  type: FieldType
  label: Translated
  required?: boolean
  /** never written through the API (ids, timestamps, computed columns) */
  readOnly?: boolean
  /**
   * written when the record is created, fixed afterwards: an update naming
   * it is refused (a custom field's key names its clients column)
   */
  createOnly?: boolean
  /** shown as a list column by default */
  listable?: boolean
  filterable?: boolean
  sortable?: boolean
  /** part of the `q` search (contains / startsWith over text) */
  searchable?: boolean
  /** default value for create forms and inserts */
  defaultValue?: string | number | boolean | string[] | null
  options?: SelectOption[]
  /** for `relation` and `relations`: the target resource and how its records are named */
  relation?: RelationDefinition
  /** for `relations` (many-to-many): the link table; the field is no column of the resource's table */
  through?: RelationsThrough
  min?: number
  max?: number
  maxLength?: number
  /** no two rows may share the value (checked before writing: a 422 on the field) */
  unique?: boolean
  /**
   * The field belongs only to rows whose `field` holds one of `in` (a custom
   * field of some campaigns): the form shows it only there, and `required`
   * is enforced only there.
   */
  condition?: { field: string; in: Array<string | number> }
  /** display group in forms */
  group?: string
  help?: Translated
  /**
   * A provider's field placed right after this declared field (in the
   * metadata, the forms and the CSV export) instead of at the end: the
   * "Alerta" column after the client's "Apellidos".
   */
  after?: string
  /**
   * A provider's field whose filter is no plain column or link-table test:
   * the provider builds the condition for the leaf (already checked against
   * the field's operators; values only as bindings, never SQL from the
   * request). "Contactabilidad = nuevo" is "no problem and never contacted".
   */
  filterBy?: (
    query: DatabaseQueryBuilderContract,
    leaf: FieldFilterLeaf,
    owner: FilteredTable
  ) => void
}

/** A leaf of a filter tree as a field's own `filterBy` receives it. */
export interface FieldFilterLeaf {
  op: string
  value: unknown
}

/** The table a list reads and its primary key: what a relations filter correlates with. */
export interface FilteredTable {
  table: string
  primaryKey: string
}

/**
 * Rows of another table that make a record part of history (a campaign's
 * clients, its gestiones): while any point at it, the record cannot be
 * deleted (409 with the counts); an archivable one is archived instead.
 */
export interface KeepingReference {
  table: string
  column: string
  /** what the rows are, counted: "373 cliente(s)" */
  label: Translated
  /**
   * What the rows keep the record from: `delete` (the default) refuses
   * deleting it one by one; `fromPurge` only keeps it when a whole set goes
   * at once (a base's deletion keeps the clients that have gestiones,
   * notes or callbacks), while deleting that one record stays allowed.
   */
  keeps?: 'delete' | 'fromPurge'
}

/**
 * The order a search reads its index in (columns qualified as its query
 * names them), used when the request names no sort: no sort step at all.
 */
export type SearchOrder = Array<{ column: string; direction: 'asc' | 'desc' }>

export type RowScope = (query: DatabaseQueryBuilderContract, user: User) => void

/**
 * What a write was asked with, passed to the hooks explicitly (a hook
 * never sees the HTTP request: an import runs long after it).
 * - `source`: who writes: the REST API, a CSV import, or the system.
 * - `allowDuplicate`: the user confirmed a record that duplicates another
 *   (clients: same phone or e-mail); false unless given.
 */
export interface WriteOptions {
  source: 'api' | 'import' | 'system'
  allowDuplicate?: boolean
  /**
   * The user confirmed a date in the past where one is normally refused
   * (a task's due date): the API's `confirmPast=1`; false unless given.
   */
  confirmPast?: boolean
  /**
   * Set by a plugin's own endpoint (never from a request body): the
   * permission key that authorizes this create or update instead of
   * `<resource>.create|update`, for a resource whose generic write no role
   * is given (a gestión, written from the agent's form; "Quitar" a
   * callback). The row scope still applies to an update.
   */
  permission?: string
  /** what that endpoint hands its hooks besides the row's values (the agent's form) */
  input?: unknown
  /**
   * The caller's transaction (never from a request): the write, its hooks
   * and its audit entry commit or roll back with the caller's other work,
   * and its event follows that commit. Without it, each write is its own
   * transaction.
   */
  trx?: TransactionClientContract
  /**
   * Columns written on every row this write inserts, over the validated
   * values and before the checks and hooks (so a stamped relation is
   * checked like a typed one): the base an import fills. Set by the
   * server, never from a request body. Applied by `stampValues`.
   */
  stamp?: Record<string, unknown>
}

/**
 * One row of a batch create (`beforeCreateMany`): its values as they will
 * be written, and, once a check refuses it, the error (an error the API
 * would answer: a 422 naming the field, a 409 duplicate). A hook refuses
 * a row by setting `error`; the other rows go on. `line` is the row's
 * line in an import file, when it comes from one.
 */
export interface BatchRow {
  values: Record<string, unknown>
  line: number
  error?: unknown
}

/** Who read a record (`afterShow`): the user, and the request's actor for an audit entry. */
export interface ShowContext {
  user: User
  actor: AuditActor
}

export interface HookContext {
  user: User
  trx: QueryClientContract
  /** how this write was asked for */
  options: WriteOptions
  /**
   * Which of `ids` of `resource` the user may read (its `show` permission
   * and row scope, as its list applies them): a rule that names another
   * record (a duplicate) names only these.
   */
  readableIds: (resource: string, ids: Array<string | number>) => Promise<Set<unknown>>
}

/**
 * A write the engine is about to make, as `prepare` sees it: for now a
 * create, with its validated values (read them; changes to the row belong
 * in `beforeCreate`).
 */
export interface PreparedWrite {
  action: 'create'
  values: Readonly<Record<string, unknown>>
}

export interface PrepareContext {
  user: User
  /** a connection outside the write's transaction: what it does is kept at once */
  client: QueryClientContract
  options: WriteOptions
}

/** Undoes what `prepare` did; the engine calls it when the write's transaction fails. */
export type PreparedUndo = () => void | Promise<void>

export interface ResourceHooks {
  /**
   * Work a write needs that cannot run inside its transaction (DDL, which
   * MySQL commits at once: a custom field's clients column). Runs after
   * validation and the permission check, before the transaction; a throw
   * refuses the write with nothing written. The returned undo runs when the
   * transaction then fails (a row-scope or relation check, a hook, the
   * insert), so the database is left as before. A resource with `prepare`
   * is not CSV-importable (409 IMPORT_NOT_SUPPORTED): an import writes
   * rows in batches whose transaction would leave prepared work behind.
   */
  prepare?: (
    write: PreparedWrite,
    context: PrepareContext
  ) => void | PreparedUndo | Promise<void | PreparedUndo>
  /** may change the values before they are written */
  beforeCreate?: (values: Record<string, unknown>, hook: HookContext) => void | Promise<void>
  beforeUpdate?: (
    values: Record<string, unknown>,
    before: Record<string, unknown>,
    hook: HookContext
  ) => void | Promise<void>
  /**
   * runs in the transaction after the insert, with the stored row, to
   * write other rows (a client's first phone). It must not change this
   * row: the answer and the audit entry show the row as inserted; values
   * of the row itself are set in beforeCreate.
   */
  afterCreate?: (row: Record<string, unknown>, hook: HookContext) => void | Promise<void>
  /** runs in the transaction after the update */
  afterUpdate?: (
    row: Record<string, unknown>,
    before: Record<string, unknown>,
    hook: HookContext
  ) => void | Promise<void>
  beforeDelete?: (row: Record<string, unknown>, hook: HookContext) => void | Promise<void>
  /**
   * runs after one record was read (`GET /:id`), with who read it: a read
   * worth its own audit entry (an agent opening a client another agent
   * holds) is recorded here. Not run for lists.
   */
  afterShow?: (row: Record<string, unknown>, reader: ShowContext) => void | Promise<void>
  /**
   * The batch twin of beforeCreate, used by imports (`createMany`): the
   * rows not refused yet, once, so a rule that asks the database (a
   * duplicate) asks once per batch. Without it, beforeCreate runs per row.
   */
  beforeCreateMany?: (rows: BatchRow[], hook: HookContext) => void | Promise<void>
  /**
   * The batch twin of afterCreate: the rows as inserted (their values with
   * the primary key), once per batch, in the batch's transaction. Without
   * it, afterCreate runs per row with the row read back.
   */
  /**
   * The value of a key field of an import in update mode as a create would
   * store it (clients: a phone in E.164), so a file's row finds its record.
   * Receives the value as validated; throws a field error to refuse it.
   */
  importKey?: (field: string, value: unknown) => unknown
  /**
   * What an import's preview (the column-mapping step) shows of a cell of
   * the uploaded file: a resource that must never show some values (upg's
   * card numbers) masks them here. The file itself is read unchanged.
   */
  previewCell?: (cell: string) => string
  afterCreateMany?: (
    rows: Array<Record<string, unknown>>,
    hook: HookContext
  ) => void | Promise<void>
}

/** Where a resource's audit entries are filed besides the record itself (`auditSubject`). */
export interface AuditSubject {
  resource: string
  field: string
}

export interface ResourceDefinition {
  /** URL segment and metadata key, e.g. `clients` */
  name: string
  table: string
  label: Translated
  primaryKey?: string
  fields: FieldDefinition[]
  /** `-created_at,name`; the primary key always breaks ties */
  defaultSort?: string
  /** role → allowed actions; a role that is absent may do nothing */
  permissions: Partial<Record<Role, ResourceAction[]>>
  /** role → restriction applied to every read and write of that role */
  scopes?: Partial<Record<Role, RowScope>>
  /**
   * role → the only fields that role sees (reads, filters, sorts, searches
   * and writes); a role that is absent sees every field. The metadata
   * describes only these, so the admin never asks for the others.
   */
  fieldsByRole?: Partial<Record<Role, string[]>>
  /**
   * Replaces the default `q` search (each word contained in a searchable
   * field) with an index-friendly one, e.g. phone, e-mail or name prefix.
   */
  search?: (query: DatabaseQueryBuilderContract, q: string) => void | SearchOrder
  /**
   * the order of search results when the request names none (index-friendly);
   * a search that answers its own order (the index it reads, in order) overrides it
   */
  searchSort?: string
  hooks?: ResourceHooks
  /**
   * Fields whose value, as `beforeCreate` leaves it (a phone in E.164, an
   * e-mail in lower case), must not repeat between two rows of one CSV
   * import: the check before the import reports the later line. Fields
   * marked `unique` are checked so without being named here. (The
   * database check alone sees only rows already written, so two rows of
   * the same file would pass it and fail one at a time while importing.)
   */
  distinctInImport?: string[]
  /**
   * A satellite of another resource (a client's phones): rows are visible
   * only when their parent is, a write must name a visible parent, and
   * audit entries land in the parent's log.
   */
  parent?: { resource: string; field: string }
  /**
   * The record whose history also shows this one's writes (a gestión or a
   * callback in its client's log): each audit entry is filed under the
   * record `field` points at in `resource`, and stays in this record's own
   * history too. Unlike `parent`, it changes nothing of who sees the rows.
   * A row whose `field` is empty is filed under itself.
   */
  auditSubject?: AuditSubject
  /**
   * Records are archived (`archived_at` set) and restored instead of being
   * deleted while they have history: hidden from pickers, still named where
   * they are used. The resource must declare an `archived_at` datetime.
   */
  archivable?: boolean
  /**
   * Each CSV import of this resource is a base (clients): the upload takes
   * `base_name` and `campaign_id`, and every row it writes carries its
   * `base_id` (the table needs that column).
   */
  importsAsBases?: boolean
  /**
   * The fields an import in update mode may match records by (clients:
   * document, phone, e-mail), besides every field marked `unique`.
   */
  importKeys?: string[]
  /**
   * role → the listable fields the list shows until the user picks others
   * (the column chooser offers every listable one): a long list fits a
   * laptop screen with what each role reads first. Absent: every listable
   * field.
   */
  defaultColumns?: Partial<Record<Role, string[]>>
  /**
   * Opening one record that exists outside the user's row scope answers
   * 403 OUT_OF_SCOPE ("sin acceso") instead of 404: for records users are
   * sent to by others (a client a colleague links to). Off by default: a
   * 404 does not say the record exists (users, rows of other agents).
   */
  outOfScopeForbidden?: boolean
  /** rows elsewhere that keep a record from being deleted (plugins add theirs at setup) */
  keptBy?: KeepingReference[]
  /**
   * Where the resource's list sits in the admin's sider (see ResourceMenu);
   * `false` keeps it out of the menu (a plugin page shows it better). A
   * resource that declares nothing is listed under `otros`, a satellite
   * (`parent`) is not listed: it lives in its parent's page.
   */
  menu?: ResourceMenu | false
  /** plugin that declared it (set by the kernel) */
  plugin?: string
}

/**
 * A resource's place in the sider: the job `group` (shared/menu_groups.ts)
 * and, when only some of the roles that may list it work with it there
 * (a supervisor's report an agent reads only inside the client page),
 * those `roles`.
 */
export interface ResourceMenu {
  group: MenuGroup
  roles?: Role[]
}

/**
 * Fields another plugin adds to a resource at run time (custom fields).
 * `fields()` answers from memory; `refresh()` re-reads the source when it
 * is stale and is called before each request that reads metadata.
 * `version` changes whenever the fields do, so caches know when to rebuild.
 */
export interface FieldProvider {
  readonly version: number
  fields(): FieldDefinition[]
  refresh(): Promise<void>
  /** Forget what was loaded: the next refresh reads again. */
  invalidate?(): void
}
