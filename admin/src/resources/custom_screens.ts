import { lazy, type ComponentType } from 'react'
import type { ResourceDescription } from '../meta/admin_meta'

/** The screens of a resource; a custom one replaces the generated one of the same kind. */
export type ScreenKind = 'list' | 'show' | 'create' | 'edit'

/** What a screen receives: the resource's metadata, and the record id on show and edit. */
export interface ResourceScreenProps {
  resource: ResourceDescription
  id?: string
}

export type ResourceScreens = Partial<Record<ScreenKind, ComponentType<ResourceScreenProps>>>

/**
 * Core resources whose screen needs more than the metadata gives (the client page with its
 * contacts, notes, files and plugin tabs), each a lazy chunk. Plugins replace screens of their
 * own resources through `screens` in their admin module instead.
 */
export const CORE_SCREENS: Record<string, ResourceScreens> = {
  clients: {
    list: lazy(() => import('../clients/client_list')),
    show: lazy(() => import('../clients/client_page')),
    edit: lazy(() => import('../clients/client_edit_redirect')),
  },
  bases: {
    list: lazy(() => import('../bases/bases_list')),
  },
  campaigns: {
    show: lazy(() => import('../campaigns/campaign_page')),
  },
}
