import type { PluginSetup } from '#sdk'

/**
 * Gestiones are a campaign's history: a campaign that has any cannot be
 * deleted (the foreign key would take them with it); it is archived.
 */
const setup: PluginSetup = ({ resources }) => {
  resources.addKeepingReference('campaigns', {
    table: 'tip_gestiones',
    column: 'campaign_id',
    label: { es: 'gestión(es)', en: 'gestión(es)' },
  })
}

export default setup
