import type { LocalizedText } from '../../i18n/localized_text'

/** One discovered plugin as `GET /api/plugins` describes it. */
export interface PluginSummary {
  name: string
  version: string
  label: LocalizedText
  description: LocalizedText
  dependsOn: string[]
  dependents: string[]
  enabled: boolean
  updatedAt: string | null
}

export type PluginCatalog = Map<string, PluginSummary>
