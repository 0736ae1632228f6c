import type { PluginSetup } from '#sdk'

/**
 * Gestiones are a campaign's history: a campaign that has any cannot be
 * deleted (the foreign key would take them with it); it is archived.
 * A client with gestiones or callbacks is history too: deleting its base
 * keeps it (`fromPurge`; the client alone may still be deleted).
 */
const setup: PluginSetup = ({ resources }) => {
  resources.addKeepingReference('campaigns', {
    table: 'tip_gestiones',
    column: 'campaign_id',
    label: { es: 'gestión(es)', en: 'gestión(es)' },
  })
  resources.addKeepingReference('clients', {
    table: 'tip_gestiones',
    column: 'client_id',
    label: { es: 'gestión(es)', en: 'gestión(es)' },
    keeps: 'fromPurge',
  })
  resources.addKeepingReference('clients', {
    table: 'tip_callbacks',
    column: 'client_id',
    label: { es: 'agendamiento(s)', en: 'callback(s)' },
    keeps: 'fromPurge',
  })
}

export default setup
