import { CustomFieldProvider } from './custom_field_provider.ts'

/** The process-wide provider (one per node). */
export const customFields = new CustomFieldProvider()

/** The permission every bespoke endpoint of the plugin checks. */
export const MANAGE = 'custom-fields.manage'
