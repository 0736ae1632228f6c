import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AuditLog, toSqlDateTime, type PluginDemo } from '#sdk'

const REASONS = [
  { label: 'Solicitud del cliente', applies_to: 'both' },
  { label: 'Sospecha de fraude', applies_to: 'deactivate' },
  { label: 'Cuenta verificada', applies_to: 'activate' },
  { label: 'Número reciclado', applies_to: 'deactivate' },
  { label: 'Otro (ver detalle)', applies_to: 'both' },
]

/**
 * The reasons, and a wallet history for the first clients: active ones, a
 * deactivated one, one the service refused, one still pending, so the
 * client page's TuBolsillo tab has something to show.
 */
const demo: PluginDemo = async ({ users }) => {
  const supervisor = users.find((user) => user.role === 'supervisor') ?? users[0]
  const agent = users.find((user) => user.role === 'agent') ?? supervisor
  const now = DateTime.utc()
  const clients = await db.from('clients').orderBy('id').limit(12).select('id')
  let toggles = 0
  await db.transaction(async (trx) => {
    const reasonIds: number[] = []
    for (const reason of REASONS) {
      const [id] = await trx.table('tubolsillo_reasons').insert({
        ...reason,
        active: true,
        created_at: toSqlDateTime(now.minus({ days: 30 })),
      })
      reasonIds.push(Number(id))
    }
    const story: Array<
      Array<['activate' | 'deactivate', 'confirmed' | 'failed' | 'pending', number]>
    > = [
      [['activate', 'confirmed', 0]],
      [
        ['activate', 'confirmed', 2],
        ['deactivate', 'confirmed', 1],
      ],
      [
        ['activate', 'confirmed', 0],
        ['deactivate', 'failed', 3],
      ],
      [['activate', 'pending', 0]],
    ]
    for (const [index, client] of clients.entries()) {
      const steps = story[index % story.length]
      for (const [step, [action, status, reason]] of steps.entries()) {
        const at = toSqlDateTime(now.minus({ days: 10 - step * 3, hours: index }))
        const by = step === 0 ? agent.id : supervisor.id
        const [id] = await trx.table('tubolsillo_toggles').insert({
          client_id: client.id,
          action,
          reason_id: reasonIds[reason],
          note: status === 'failed' ? 'Reclamo por cobro no reconocido' : null,
          status,
          error: status === 'failed' ? 'Billetera bloqueada por el emisor' : null,
          idempotency_key: randomUUID(),
          requested_by: by,
          attempts: 1,
          settled_at: status === 'pending' ? null : at,
          created_at: at,
          updated_at: at,
        })
        await AuditLog.record(
          trx,
          { actorId: by, ip: null, requestId: null },
          {
            action: 'create',
            resource: 'tubolsillo_toggles',
            recordId: Number(id),
            after: { client_id: client.id, action, status },
            subject: 'clients',
            subjectId: client.id,
          }
        )
        toggles++
      }
    }
  })
  return `${REASONS.length} motivos, ${toggles} cambios de billetera`
}

export default demo
