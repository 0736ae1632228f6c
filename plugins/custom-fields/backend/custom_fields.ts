import { CustomFieldProvider } from './custom_field_provider.ts'

/** The process-wide provider (one per node). */
export const customFields = new CustomFieldProvider()
