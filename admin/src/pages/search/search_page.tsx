import ClientList from '../../clients/client_list'
import { useResourceDescription } from '../../resources/use_resource_description'
import { NotFoundPage } from '../errors/not_found_page'

/**
 * Búsqueda (seed 001, agent): the clients list with its search box ready for a document, a name
 * or a phone, and the caller-ID lookup beside it.
 */
export default function SearchPage() {
  const clients = useResourceDescription('clients')
  if (!clients) return <NotFoundPage />
  return <ClientList resource={clients} focusSearch />
}
