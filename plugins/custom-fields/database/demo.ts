import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { type PluginDemo, toSqlDateTime } from '#sdk'
import { ColumnManager } from '../backend/column_manager.ts'
import type { CustomFieldType } from '../backend/field_types.ts'

interface DemoField {
  key: string
  type: CustomFieldType
  label: { es: string; en: string }
  options?: Array<{ value: string; label: { es: string; en: string } }>
  value: (index: number) => string | number | null
}

const SEGMENTS = [
  { value: 'oro', label: { es: 'Oro', en: 'Gold' } },
  { value: 'plata', label: { es: 'Plata', en: 'Silver' } },
  { value: 'bronce', label: { es: 'Bronce', en: 'Bronze' } },
]

const FIELDS: DemoField[] = [
  {
    key: 'segmento',
    type: 'select',
    label: { es: 'Segmento', en: 'Segment' },
    options: SEGMENTS,
    value: (index) => SEGMENTS[index % 3].value,
  },
  {
    key: 'monto_deuda',
    type: 'decimal',
    label: { es: 'Monto de la deuda', en: 'Debt amount' },
    value: (index) => 150 + ((index * 7919) % 4850),
  },
  {
    key: 'fecha_vencimiento',
    type: 'date',
    label: { es: 'Fecha de vencimiento', en: 'Due date' },
    value: (index) =>
      DateTime.utc()
        .minus({ days: 5 + (index % 90) })
        .toISODate(),
  },
]

/**
 * The "Cobranzas" profile on the collections campaigns, with three fields
 * whose columns are filled for those campaigns' clients: the client card,
 * filters and the profile editor show them.
 */
const demo: PluginDemo = async ({ campaigns }) => {
  const collections = campaigns.filter((campaign) => /cobranza/i.test(campaign.name))
  if (collections.length === 0) return 'sin campañas de cobranza: ningún perfil'
  const existing = await ColumnManager.columns()
  // Columns are DDL: added before the rows, outside any transaction (MySQL commits DDL).
  for (const field of FIELDS) {
    if (!existing.has(field.key)) await ColumnManager.add(field.key, field.type)
  }
  const now = toSqlDateTime(DateTime.utc())
  let filled = 0
  await db.transaction(async (trx) => {
    const [profileId] = await trx.table('cf_profiles').insert({
      name: 'Cobranzas',
      description: 'Datos de la deuda para las campañas de cobranza',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    await trx
      .table('cf_profile_campaigns')
      .multiInsert(
        collections.map((campaign) => ({ profile_id: Number(profileId), campaign_id: campaign.id }))
      )
    await trx.table('cf_fields').multiInsert(
      FIELDS.map((field, index) => ({
        profile_id: Number(profileId),
        key: field.key,
        type: field.type,
        label_es: field.label.es,
        label_en: field.label.en,
        required: false,
        options: field.options ? JSON.stringify(field.options) : null,
        group_name: 'Deuda',
        sort_order: index,
        created_at: now,
        updated_at: now,
      }))
    )
    const clients = await trx
      .from('clients')
      .whereIn(
        'campaign_id',
        collections.map((campaign) => campaign.id)
      )
      .select('id')
    for (const client of clients) {
      const values = Object.fromEntries(FIELDS.map((field) => [field.key, field.value(client.id)]))
      await trx.from('clients').where('id', client.id).update(values)
      filled += 1
    }
  })
  return `perfil Cobranzas con ${FIELDS.length} campos, ${filled} clientes con valores`
}

export default demo
