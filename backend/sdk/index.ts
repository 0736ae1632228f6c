/**
 * The backend SDK: everything a plugin may import from the core, and the
 * only core module it imports (an ESLint rule holds it). The admin's
 * mirror is `@tablero/admin`. Packages (Lucid's `db`, the emitter, vine,
 * luxon) are imported from the packages themselves.
 */

// Describing a plugin
export { definePlugin } from '#kernel'
export type {
  ClientMerging,
  ClientTableFate,
  PluginDemo,
  PluginDemoContext,
  PluginEventHandler,
  PluginHookHandler,
  PluginHookName,
  PluginManifest,
  PluginMenuEntry,
  PluginPermission,
  PluginRoutes,
  PluginSetup,
  PluginSetupContext,
  PluginUninstall,
  Translated,
} from '#kernel'
export type { MenuGroup } from '#shared/menu_groups'

// Declaring resources
export { defineResource, field } from '#resources'
export type {
  FieldDefinition,
  FieldFilterLeaf,
  FieldProvider,
  FilteredTable,
  FieldType,
  RelationDefinition,
  ResourceAction,
  ResourceDefinition,
  ResourceMenu,
  RowScope,
  SelectOption,
} from '#resources'
export type {
  AuditSubject,
  BatchRow,
  HookContext,
  KeepingReference,
  PrepareContext,
  PreparedUndo,
  PreparedWrite,
  ResourceHooks,
  WriteOptions,
} from '#resources/types'
export { resourceService, resourceServiceAs } from '#services/resource_context'
export type { ResourceService } from '#resources/resource_service'
export { default as resources } from '#services/resources'

// Users and permissions
export type { default as User, Role } from '#models/user'
export { authorize, can } from './permissions.ts'

// Errors (answered as { error: { code, message, fields? } })
export { TableroError } from '#exceptions/tablero_error'
export { fieldInputError, notFound } from '#resources/errors'

// Audit, for actions that are not resource writes (the engine audits those)
export { AuditLog, SYSTEM_ACTOR, actorFromContext, toSqlDateTime } from '#services/audit_log'
export type { AuditActor, AuditEntry } from '#services/audit_log'

// Values and dates: stored in UTC, cut into days in the user's zone
export { coerceValue, presentDateTime, presentValue } from '#resources/values'
export { parseDateInput, parseDateTimeInput, YEARS } from '#resources/date_input'
export { localDayRange, whereWithin } from '#services/local_days'
export type { InstantRange } from '#services/local_days'

// Phones
export { normalizePhone, tryNormalizePhone } from '#services/phone_number'
export type { NormalizedPhone } from '#services/phone_number'

// CSV and files
export { csvLine } from '#resources/csv'
export { exportOptions } from '#resources/export_values'
export { clientNameColumns } from '#services/client_name_columns'
export type { ClientNameColumns } from '#services/client_name_columns'
export { bulkInsert, insertMany } from '#resources/bulk_insert'
export { parseCsv } from '#services/csv_reader'
export { streamRows } from '#resources/row_stream'
export { fileTypeError } from '#services/uploaded_files'

// Locks: one caller at a time across every node
export { withLock } from '#services/locks'
export type { LockLease, LockOptions } from '#services/locks'

// Background jobs: dispatched after the caller's transaction commits
export { defineJob } from '#services/jobs/define_job'
export type { JobContext, JobDefinition, JobHandler } from '#services/jobs/define_job'
export { dispatchJob } from '#services/jobs/dispatch'
export type { DispatchOptions } from '#services/jobs/dispatch'

// Adapters: an outside service, local or over HTTP as the environment says
export { defineAdapter } from '#services/adapters/define_adapter'
export type { Adapter, AdapterDefinition, AdapterKind } from '#services/adapters/define_adapter'
export { AdapterError, HttpClient } from '#services/adapters/http_client'
export type { HttpAnswer, HttpClientOptions, HttpRequest } from '#services/adapters/http_client'
export { redactSecrets } from '#services/adapters/secret_redaction'

// Live updates to signed-in users' browsers (server-sent events)
export { LiveUpdates, userChannel } from '#services/live_updates'
export type { LiveEvent } from '#services/live_updates'

// The client's timeline
export { ClientInteractions } from '#services/client_interactions'
export type { Interaction } from '#services/client_interactions'
