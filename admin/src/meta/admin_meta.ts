import type { Locale } from '../i18n/i18n'
import type { LocalizedText } from '../i18n/localized_text'

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
}

/** An enabled plugin, as far as the admin shell is concerned. */
export interface EnabledPlugin {
  name: string
  label: LocalizedText
  menu: PluginMenuEntry[]
}

export type ResourceAction = 'list' | 'show' | 'create' | 'update' | 'delete' | 'export' | 'import'

export interface ResourceFieldDescription {
  name: string
  type: string
  label: LocalizedText
  required: boolean
  readOnly: boolean
  listable: boolean
  filterable: boolean
  sortable: boolean
  searchable: boolean
  options: { value: string | number; label: LocalizedText }[] | null
  relation: { resource: string; labelField?: string } | null
  defaultValue: unknown
  /** Filter operators the resource engine accepts on this field. */
  operators: string[]
}

/** A resource the signed-in user may list, as the generic screens will render it. */
export interface ResourceDescription {
  name: string
  label: LocalizedText
  plugin: string | null
  primaryKey: string
  defaultSort: string
  searchable: boolean
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
