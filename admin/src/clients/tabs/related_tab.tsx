import type { ClientRecord } from '../client_record'
import { SatelliteTable } from '../contacts/satellite_table'

/** Related clients with their tags ("cónyuge", "referido"…), C13; names link to their pages. */
export function RelatedTab({ client }: { client: ClientRecord }) {
  return (
    <SatelliteTable
      resourceName="client_relations"
      clientId={client.id}
      testId="client-relations"
      addFields={['related_client_id', 'tags']}
    />
  )
}
