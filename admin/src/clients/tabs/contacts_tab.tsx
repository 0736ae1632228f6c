import { SatelliteTable } from '../contacts/satellite_table'
import { PhoneRowActions } from '../contacts/phone_row_actions'
import type { ClientRecord } from '../client_record'

/** Phones, e-mails and addresses of the client (C3, C4). */
export function ContactsTab({ client }: { client: ClientRecord }) {
  return (
    <>
      <SatelliteTable
        resourceName="client_phones"
        clientId={client.id}
        testId="client-phones"
        rowActions={(phone, phones) =>
          phones.actions.update && <PhoneRowActions phone={phone} clientId={client.id} />
        }
      />
      <SatelliteTable resourceName="client_emails" clientId={client.id} testId="client-emails" />
      <SatelliteTable
        resourceName="client_addresses"
        clientId={client.id}
        testId="client-addresses"
      />
    </>
  )
}
