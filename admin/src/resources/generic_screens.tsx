import { lazy } from 'react'
import type { ResourceScreenProps, ResourceScreens } from './custom_screens'

// Each generated screen is its own chunk: opening a list does not download the form.
const ResourceList = lazy(() => import('./list/resource_list'))
const ResourceShow = lazy(() => import('./show/resource_show'))
const ResourceForm = lazy(() => import('./form/resource_form'))

/** The screens every resource gets from its metadata alone (K8, X3). */
export const GENERIC_SCREENS: Required<ResourceScreens> = {
  list: ({ resource }: ResourceScreenProps) => <ResourceList resource={resource} />,
  show: ({ resource, id }: ResourceScreenProps) => <ResourceShow resource={resource} id={id!} />,
  create: ({ resource }: ResourceScreenProps) => (
    <ResourceForm resource={resource} action="create" />
  ),
  edit: ({ resource, id }: ResourceScreenProps) => (
    <ResourceForm resource={resource} action="edit" id={id} />
  ),
}
