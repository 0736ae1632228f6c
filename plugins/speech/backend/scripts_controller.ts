import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { TableroError, resourceService } from '#sdk'
import { fillScript } from './script_html.ts'
import { valuesFor, variablesFor } from './script_variables.ts'
import { renderValidator } from './validators.ts'

/**
 * What the generic REST of `speech_scripts` cannot answer: the variables a
 * campaign's script may use (the editor's menu) and the script filled for
 * the client on screen (S2/S3).
 */
export default class ScriptsController {
  async variables(ctx: HttpContext) {
    const { campaignId } = await renderValidator.validate(ctx.request.qs())
    await resourceService(ctx)
    return { data: variablesFor(campaignId) }
  }

  /**
   * The campaign's script, if the user may read it (an agent: a campaign
   * it works), filled for a client the user can see.
   */
  async render(ctx: HttpContext) {
    const { campaignId, clientId } = await renderValidator.validate(ctx.request.qs())
    const service = await resourceService(ctx)
    const found = await db
      .from('speech_scripts')
      .where('campaign_id', campaignId)
      .select('id')
      .first()
    if (!found) throw new TableroError('NO_SCRIPT', 'This campaign has no script yet', 404)
    // The resource's own `show` permission and agent scope decide.
    const script = await service.visibleRow('speech_scripts', found.id, 'show')
    const campaign = await db.from('campaigns').where('id', campaignId).select('name').first()
    const shown = clientId ? await service.show('clients', clientId) : null
    const values = valuesFor(ctx, { id: campaignId, name: campaign.name }, shown?.data ?? {})
    const filled = fillScript(String(script.html), values)
    return { data: { title: script.title, html: filled.html, unknownVariables: filled.unknown } }
  }
}
