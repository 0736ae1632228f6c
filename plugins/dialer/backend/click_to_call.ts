import db from '@adonisjs/lucid/services/db'
import {
  AuditLog,
  ClientInteractions,
  TableroError,
  fieldInputError,
  type AuditActor,
  type ResourceService,
} from '#sdk'
import { dialerCampaign, requireCampaignAgent } from './access.ts'
import { AgentCalls } from './agent_calls.ts'
import { DoNotCall } from './do_not_call.ts'
import { validPhone } from './list_builder.ts'

export interface CallRequest {
  campaignId?: unknown
  /** one of the client's numbers; its primary phone when absent */
  phone?: unknown
}

/**
 * D6: click-to-call from the client's page. The agent picks the outbound
 * campaign (one it works); the number must be one of the client's and not
 * on do-not-call. The call is placed through the telephony adapter
 * (`AgentCalls`, which follows it to its end) and lands in the client's
 * log and interaction trail, in one transaction.
 */
export async function clickToCall(
  service: ResourceService,
  clientId: number,
  request: CallRequest,
  actor: AuditActor
) {
  const client = await service.visibleRow('clients', clientId, 'show')
  const campaign = await dialerCampaign(request.campaignId)
  await requireCampaignAgent(service.user, campaign.id)
  const phones = await db.from('client_phones').where('client_id', clientId).select('e164')
  const numbers = new Set([client.primary_phone, ...phones.map((row) => row.e164)].filter(Boolean))
  const wanted =
    request.phone === undefined || request.phone === null ? client.primary_phone : request.phone
  const phone = validPhone(typeof wanted === 'string' ? wanted : null)
  if (!phone || !numbers.has(phone.e164)) {
    throw fieldInputError('phone', 'Choose one of the client’s valid phone numbers', 'phone')
  }
  if (await DoNotCall.blocksPhone(phone.e164, campaign.id)) {
    throw new TableroError('DIALER_DO_NOT_CALL', 'This number is on the do-not-call list', 409)
  }
  const call = await AgentCalls.place({
    phone: phone.e164,
    agentId: service.user.id,
    campaignId: campaign.id,
    clientId,
  })
  await db.transaction(async (trx) => {
    await ClientInteractions.record(trx, {
      clientId,
      channel: 'voice',
      direction: 'out',
      campaignId: campaign.id,
      result: `Llamada a ${phone.e164}`,
      source: 'call',
      userId: service.user.id,
    })
    await AuditLog.record(trx, actor, {
      action: 'dialer.call',
      resource: 'clients',
      recordId: clientId,
      after: { phone: phone.e164, campaign_id: campaign.id, call_id: call.callId, mode: call.mode },
      subject: 'clients',
      subjectId: clientId,
    })
  })
  return { ...call, phone: phone.e164, campaignId: campaign.id, clientId }
}
