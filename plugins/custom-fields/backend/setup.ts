import type { PluginSetup } from '#sdk'
import { customFields } from './custom_fields.ts'

/**
 * Joins the custom fields to the clients resource while the plugin is on.
 */
const setup: PluginSetup = ({ name, resources }) => {
  resources.addFieldProvider('clients', name, customFields)
}

export default setup
