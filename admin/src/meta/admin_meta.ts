import type { Locale } from '../i18n/i18n'
import type { LocalizedText } from '../i18n/localized_text'
import type { FilterOperator } from '../providers/filter_tree'
import type { MenuGroup } from '@tablero/shared/menu_groups'

/** Shapes of `/api/meta` and `/api/auth/me`: what the shell knows about the signed-in user. */
export type Role = 'admin' | 'supervisor' | 'agent'

export interface SessionUser {
  id: number | string
  email: string
  fullName: string
  role: Role
  locale: Locale
  timezone: string
}

export interface PluginMenuEntry {
  key: string
  label: LocalizedText
  /** Path inside the admin, e.g. `/hello` for `/admin/hello`. */
  path: string
  /** Name of an @ant-design/icons icon, e.g. `PhoneOutlined`. */
  icon?: string
  /** The job the page belongs to in the sider; `otros` when the manifest names none. */
  group?: MenuGroup
}

/** An enabled plugin, as far as the admin shell is concerned. */
export interface EnabledPlugin {
  name: string
  label: LocalizedText
  menu: PluginMenuEntry[]
}

export type ResourceAction = 'list' | 'show' | 'create' | 'update' | 'delete' | 'export' | 'import'

/** Field types of the resource engine; each has its own widget, cell and filter inputs. */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'number'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multiselect'
  | 'relation'
  | 'relations'
  | 'password'

/** Filter operators of the resource engine's JSON filter tree. */
export type { FilterOperator }

export interface FieldOption {
  value: string | number
  label: LocalizedText
}

export interface ResourceFieldDescription {
  name: string
  /** A type this admin does not know yet renders as text. */
  type: FieldType | (string & {})
  label: LocalizedText
  required: boolean
  readOnly: boolean
  /** Written on create, fixed afterwards: edit forms leave it out. */
  createOnly?: boolean
  listable: boolean
  filterable: boolean
  sortable: boolean
  searchable: boolean
  options: FieldOption[] | null
  /**
   * The related resource and how its records are named: `labelFields` joined by a space when
   * given, else `labelField`; `labelField` is also what a picker searches in without `q` search.
   */
  relation: { resource: string; labelField?: string; labelFields?: string[] | null } | null
  defaultValue: unknown
  min?: number | null
  max?: number | null
  maxLength?: number | null
  /** No two records may share the value; the server answers 422 on the field. */
  unique?: boolean
  /**
   * The field applies only to records whose `field` holds one of `in` (a custom field of some
   * campaigns): forms and pages show it only there, and `required` holds only there.
   */
  condition?: { field: string; in: Array<string | number> } | null
  /** Heading the field is shown under in forms. */
  group?: string | null
  help?: LocalizedText | null
  /** Filter operators the resource engine accepts on this field. */
  operators: FilterOperator[]
}

/** A resource the signed-in user may list, as the generic screens will render it. */
export interface ResourceDescription {
  name: string
  label: LocalizedText
  plugin: string | null
  primaryKey: string
  defaultSort: string
  searchable: boolean
  /** Records are archived and restored (`archived_at`) rather than deleted while they have history. */
  archivable?: boolean
  /** Each CSV import is a base (clients): the upload names the base and its campaign. */
  importsAsBases?: boolean
  /** Where its list sits in this user's sider; null when it is no menu entry (a satellite). */
  menu?: { group: MenuGroup } | null
  /** The fields an import in update mode may find records by (document, phone, e-mail…). */
  importKeys?: string[]
  /** The listable fields the list shows for this user's role until they pick others (null: all). */
  defaultColumns?: string[] | null
  /** What this user may do with the resource. */
  actions: Partial<Record<ResourceAction, boolean>>
  fields: ResourceFieldDescription[]
}

export interface AdminMeta {
  user: SessionUser
  permissions: string[]
  plugins: EnabledPlugin[]
  resources: ResourceDescription[]
}
