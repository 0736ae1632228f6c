import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { type PluginDemo, toSqlDateTime } from '#sdk'
import { sanitizeScript } from '../backend/script_html.ts'

const OPENINGS: Record<string, string> = {
  collections:
    '<p>Buenos días, ¿hablo con <strong>{{client.first_name}} {{client.last_name}}</strong>? ' +
    'Le saluda {{agent.name}}. Le llamamos por el saldo pendiente de su cuenta.</p>' +
    '<ul><li>Confirme la identidad (documento {{client.document}}).</li>' +
    '<li>Ofrezca una fecha de pago y regístrela como promesa.</li></ul>',
  default:
    '<p>Buenos días, ¿hablo con <strong>{{client.first_name}}</strong>? ' +
    'Le saluda {{agent.name}}. Le llamamos de parte de la campaña.</p>' +
    '<ol><li>Presente la oferta.</li><li>Resuelva las dudas.</li>' +
    '<li>Tipifique la gestión antes de colgar.</li></ol>',
}

/** One script per campaign, at version 2, so the editor and the history have something to show. */
const demo: PluginDemo = async ({ users, campaigns }) => {
  const supervisor = users.find((user) => user.role === 'supervisor') ?? users[0]
  const now = DateTime.utc()
  await db.transaction(async (trx) => {
    for (const campaign of campaigns) {
      const kind = /cobr|mora|recup/i.test(campaign.name) ? 'collections' : 'default'
      const first = sanitizeScript(OPENINGS[kind])
      const second = sanitizeScript(
        `${OPENINGS[kind]}<p><em>Despedida:</em> gracias por su tiempo, {{client.first_name}}.</p>`
      )
      const title = `Guion ${campaign.name}`
      const [scriptId] = await trx.table('speech_scripts').insert({
        campaign_id: campaign.id,
        title,
        html: second,
        version: 2,
        updated_by: supervisor.id,
        created_at: toSqlDateTime(now.minus({ days: 10 })),
        updated_at: toSqlDateTime(now.minus({ days: 2 })),
      })
      await trx.table('speech_versions').multiInsert(
        [first, second].map((html, index) => ({
          script_id: Number(scriptId),
          version: index + 1,
          title,
          html,
          author_id: supervisor.id,
          created_at: toSqlDateTime(now.minus({ days: index === 0 ? 10 : 2 })),
        }))
      )
    }
  })
  return `${campaigns.length} guiones`
}

export default demo
