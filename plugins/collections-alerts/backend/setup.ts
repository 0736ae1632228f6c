import type { FieldProvider, PluginSetup } from '#sdk'
import { contactabilityFilter } from './contactability_filter.ts'
import { shownContactability } from './contactability_shown.ts'

const label = (es: string, en: string) => ({ es, en })

/**
 * A5/A6: the clients' `alerts` field, the types each client has up now,
 * read from the link table ca_client_alert_flags: the CSV export's "Alerta"
 * column (type names, after the name) and the clients list's filters (contains / in a type,
 * none, some), each an EXISTS on the link table's primary key.
 * Written only by the plugin (raise and lift), never through the client's form.
 */
const alertsField: FieldProvider = {
  version: 1,
  refresh: async () => {},
  fields: () => [
    {
      name: 'alerts',
      type: 'relations',
      label: label('Alerta', 'Alert'),
      relation: { resource: 'ca_alert_types', labelField: 'name' },
      through: {
        table: 'ca_client_alert_flags',
        localKey: 'client_id',
        foreignKey: 'alert_type_id',
      },
      readOnly: true,
      // the list shows the coloured badges of the `clients.list.columns` slot instead
      listable: false,
      filterable: true,
      // seed 003: "Alerta" after "Apellido", in the export and in reports of clients
      after: 'last_name',
    },
    {
      name: 'contactability',
      type: 'relations',
      label: label('Contactabilidad', 'Contactability'),
      help: label(
        'Contactable: sin problemas y gestionado alguna vez; nuevo: sin problemas y nunca gestionado',
        'Contactable: no problem and contacted before; new: no problem and never contacted'
      ),
      relation: { resource: 'ca_contactability_states', labelField: 'name' },
      through: {
        table: 'ca_client_contactability',
        localKey: 'client_id',
        foreignKey: 'state_id',
        whenNone: shownContactability,
      },
      readOnly: true,
      filterable: true,
      filterBy: contactabilityFilter,
    },
  ],
}

const setup: PluginSetup = ({ name, resources }) => {
  resources.addFieldProvider('clients', name, alertsField)
  resources.addKeepingReference('clients', {
    table: 'ca_debts',
    column: 'client_id',
    label: label('deuda(s)', 'debt(s)'),
    keeps: 'fromPurge',
  })
}

export default setup
