import { Navigate } from 'react-router'
import type { ResourceScreenProps } from '../resources/custom_screens'
import { resourcePaths } from '../resources/resource_paths'

/**
 * A client is edited on its page's card tab, where the assigned user keeps its own rule (C11);
 * the generated edit address (a list row's pencil) leads there.
 */
export default function ClientEditRedirect({ id }: ResourceScreenProps) {
  return <Navigate to={`${resourcePaths('clients').show(id!)}?tab=info`} replace />
}
