import { randomUUID } from 'node:crypto'
import type { TelephonyAdapter } from './types.ts'

/** A call the dialer asks for: a contact's phone, for an agent, in a campaign. */
export interface DialRequest {
  phone: string
  agentId: number
  contactId: number
  campaignId: number
}

export interface DialingBridgeOptions {
  /** the number the client sees for this campaign (E.164) */
  callerId: (campaignId: number) => string | Promise<string>
  /** the agent's extension on the PBX */
  extension: (agentId: number) => string | Promise<string>
}

/**
 * The dialer's `Dialing` port (`originate` → call id) on a telephony adapter:
 * the call is placed for the agent, so it is put through to them when
 * answered; the correlation id names the contact and is unique per attempt.
 * Bad phones and platform faults surface as the adapter's `TableroError`s
 * (`INVALID_PHONE` 422, `TELEPHONY_UNAVAILABLE` / `TELEPHONY_UNCERTAIN` 503).
 */
export function telephonyDialing(adapter: TelephonyAdapter, options: DialingBridgeOptions) {
  return {
    async originate(request: DialRequest) {
      const [callerId, extension] = await Promise.all([
        options.callerId(request.campaignId),
        options.extension(request.agentId),
      ])
      const placed = await adapter.originate({
        to: request.phone,
        callerId,
        correlationId: `c${request.campaignId}-k${request.contactId}-${randomUUID().slice(0, 8)}`,
        agent: { agentId: request.agentId, extension },
      })
      return { callId: placed.callId, mode: 'progressive' as const }
    },
  }
}
