/**
 * `@tablero/admin`: the public surface a plugin's `admin/index.tsx` may import. Plugins never
 * reach into the shell's files; what they need is re-exported here so the shell can move its
 * internals without breaking them.
 */
import { lazy, type ComponentType } from 'react'
import type { ResourceScreens } from './resources/custom_screens'

/** Extension points offered by core screens (K6); plugins may also define their own. */
/**
 * `client.info`: beside the client's card in its Info tab, given `{ client, clientId }` (the
 * gestión form: seed 001 "en esta pestaña es donde se realiza la tipificación").
 */
export type SlotName =
  /**
   * Beside a client's name, on every screen that shows one (its page header, the caller-ID
   * matches, the agenda's events, the shared queue), props `{ client: { id } }`. A screen may
   * show many at once: read in batches, not one request per client.
   */
  | 'client.header.badges'
  | 'client.tabs'
  | 'client.info'
  | 'client.actions'
  /**
   * A column of a resource's list, and of the client's satellite tables (`client_phones.list.
   * columns`, `client_emails.list.columns` in Contactos): props `{ record }`; the component may
   * say `columnTitle` and `columnAfter` (the field its column follows).
   */
  | 'clients.list.columns'
  | 'clients.list.bulkActions'
  /** Saved filters a plugin offers beside a filter builder of clients: `FilterSourceProps`. */
  | 'clients.filters.sources'
  /** Asignaciones' buttons ("Ir a Marcador"): props `{ selection, counts }` */
  | 'assignments.actions'
  /** the shell's header, beside the user menu (the agenda's due count) */
  | 'header.badges'
  /**
   * Mounted once in the signed-in shell, whatever the page, and kept while the user moves
   * around (the dialer's screen-pop): for listeners that must hear live events on every page.
   * No props; render nothing, or little. Unmounted on sign-out, when the tab's live connection
   * is closed too.
   */
  | 'shell.live'
  /** Cards of the agent's home (callbacks due, last gestiones), given `HomeWidgetProps`. */
  | 'home.agent'
  /** The agent's home, beside the caller-ID box: the shared queue of the agent's campaigns. */
  | 'home.agent.queue'
  /** Cards of the supervisor's and admin's home (the day's gestiones, callbacks). */
  | 'home.supervisor'
  | (string & {})

/**
 * What a `<resource>.list.bulkActions` component receives (`clients.list.bulkActions`…): the
 * list's current selection in the engine's terms, so a plugin acts on the same rows the user sees.
 * `filter` is the filter tree and `q` the search as `GET /api/r/<resource>` takes them (`filter`
 * null when none); `selectedIds` the checked rows (empty when none: the action then covers the
 * filter).
 */
export interface ListBulkActionProps {
  resource: string
  filter: unknown
  q: string | undefined
  selectedIds: Array<string | number>
  /** unchecks the rows and reloads the list (after the action changed them) */
  done: () => void
}

/** A page of the plugin, mounted under `/admin` (`/hello` → `/admin/hello`). */
export interface PluginRoute {
  path: string
  element: ComponentType
}

/** What a plugin's `admin/index.tsx` exports by default. */
export interface PluginAdminModule {
  routes?: PluginRoute[]
  slots?: Partial<Record<SlotName, ComponentType<any>[]>>
  /**
   * Screens replacing the generated ones of the plugin's resources, by resource name:
   * `{ agenda_events: { list: AgendaCalendar } }`. Each receives `{ resource, id? }`.
   */
  screens?: Record<string, ResourceScreens>
}

/** Identity helper that gives a plugin's admin module its type checking. */
export function definePluginAdmin(module: PluginAdminModule): PluginAdminModule {
  return module
}

export { api, apiRequest } from './api/http_client'
export { ApiError, isApiError } from './api/api_error'
export { errorMessage } from './feedback/error_message'
export { placeServerErrors, type PlaceServerErrorsOptions } from './feedback/place_server_errors'
export { useActionFeedback } from './feedback/use_action_feedback'
export { useLocalize, type LocalizedText } from './i18n/localized_text'
export { useCountFormat } from './i18n/use_count_format'
export { usePluginMessages, type PluginTranslate } from './i18n/plugin_messages'
export { useSessionUser } from './meta/use_session_user'
export { useHasPermission } from './meta/use_permission'
export { Slot, useSlotComponents } from './plugins/slot'
export { ClientBadges } from './plugins/client_badges'
/** Asignaciones' selection, handed to plugins (slot `assignments.actions` props and this event). */
export {
  ASSIGNMENT_SELECTION_EVENT,
  type AssignmentSelectionDetail,
} from './assignments/selection_event'
export type { AssignmentCounts, AssignmentSelection } from './assignments/assignment_api'
export type { HomeWidgetProps } from './pages/dashboard/home_widgets'
export { ApiErrorResult } from './pages/errors/api_error_result'
export type { ResourceScreenProps, ResourceScreens } from './resources/custom_screens'
export { ValueInput, type ValueInputProps } from './resources/fields/value_input'
export { isArchived } from './resources/archived'
export type { ResourceDescription, ResourceFieldDescription } from './meta/admin_meta'
export { useResourceDescription } from './resources/use_resource_description'
/**
 * The generated create/edit form of a resource (its widgets, checks and 422s by field), for a
 * plugin screen that embeds it (a modal) instead of opening the generated page.
 */
export { RecordForm, type RecordFormProps } from './resources/form/record_form'
/** A record's value shown as the generated screens show it (relations by label, dates in the user's zone). */
export { FieldValue } from './resources/fields/field_value'

/**
 * Data hooks over the generic REST `/api/r/<resource>` (through Refine's data provider, so they
 * share the generated screens' cache): `useResourceList(resource, { filters, sorters,
 * pagination })` for a page, `useResourceRecord(resource, id)` for one record,
 * `useResourceCreate/Update/Delete(resource)` for writes that reject with the `ApiError`.
 */
export {
  useResourceList,
  useResourceRecord,
  useResourceCreate,
  useResourceUpdate,
  useResourceDelete,
  type ResourceListOptions,
} from './data/resource_hooks'

/** A G2 chart (bars, donuts) that downloads G2 with the first chart drawn. */
export const G2Chart = lazy(() => import('./charts/g2_chart'))
/** A card with a donut of shares and each slice's count below it (statistics screens). */
export { DonutCard } from './charts/donut_card'
export type { DonutSlice } from './charts/donut_chart'

/**
 * The lists' filter builder and its model, for a plugin screen that builds a filter tree of a
 * resource (collections-alerts' segments): `toFilterTree(toCrudFilters(group))` is the JSON tree
 * `GET /api/r/<resource>?filter=` takes.
 */
export { FilterBuilder } from './resources/filters/filter_builder'
export {
  fromFilterTree,
  newGroup,
  toCrudFilters,
  type FilterGroup,
} from './resources/filters/filter_model'
export type { FilterSourceProps } from './resources/filters/filter_source'
export { toFilterTree } from './providers/filter_tree'
