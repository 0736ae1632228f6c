import type { HttpContext } from '@adonisjs/core/http'
import { type FieldDefinition, resources, type User } from '#sdk'

interface Variable {
  name: string
  label: { es: string; en: string }
}

const CLIENT_FIELDS = [
  'first_name',
  'last_name',
  'document',
  'email',
  'primary_phone',
  'country',
  'status',
]

/**
 * The variables a campaign's script may use: core client fields, the
 * custom fields that apply to the campaign (read from the clients
 * resource, whoever provides them), the agent and the campaign.
 */
export function variablesFor(campaignId: number): Variable[] {
  const definition = resources.getOrFail('clients')
  const fields = [...resources.fieldsOf(definition).values()]
  const core = fields
    .filter((field) => CLIENT_FIELDS.includes(field.name))
    .map((field) => ({ name: `client.${field.name}`, label: field.label }))
  const custom = fields
    .filter((field) => appliesTo(field, campaignId))
    .map((field) => ({ name: `client.custom.${field.name}`, label: field.label }))
  return [
    ...core,
    ...custom,
    { name: 'agent.name', label: { es: 'Nombre del agente', en: 'Agent name' } },
    { name: 'campaign.name', label: { es: 'Nombre de la campaña', en: 'Campaign name' } },
  ]
}

function appliesTo(field: FieldDefinition, campaignId: number) {
  return field.condition?.field === 'campaign_id' && field.condition.in.includes(campaignId)
}

/**
 * Values of those variables for one client (as presented by the resource
 * engine, so dates and options read as the admin shows them).
 */
export function valuesFor(
  ctx: HttpContext,
  campaign: { id: number; name: string },
  client: Record<string, unknown>
) {
  const values = new Map<string, string | null>()
  for (const variable of variablesFor(campaign.id)) {
    const key = variable.name.match(/^client\.(?:custom\.)?(.+)$/)?.[1]
    if (!key) continue
    const raw = client[key]
    values.set(
      variable.name,
      raw === null || raw === undefined ? null : Array.isArray(raw) ? raw.join(', ') : String(raw)
    )
  }
  values.set('agent.name', (ctx.auth.user as User).fullName)
  values.set('campaign.name', campaign.name)
  return values
}
