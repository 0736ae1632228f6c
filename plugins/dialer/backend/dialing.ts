/**
 * What the dialer needs from telephony, and nothing more: place a call to
 * a contact's phone for an agent. The default is preview dialing (the
 * agent dials from the console, so "placing" only records the intent);
 * the telephony adapters (`backend/telephony/`, simulated and
 * asterisk-ari) plug in through `useDialing` once wired.
 */
export interface Dialing {
  /** Starts the call; answers a call id the telephony layer will report on. */
  originate(request: {
    phone: string
    agentId: number
    campaignId: number
    clientId: number
    /** the hopper's contact; none for click-to-call */
    contactId?: number | null
  }): Promise<{
    callId: string
    mode: 'preview' | 'progressive'
  }>
}

/** Preview: no call is placed by the server; the agent's console shows the number. */
export const previewDialing: Dialing = {
  async originate({ contactId, clientId }) {
    return { callId: `preview-${contactId ?? `client-${clientId}`}`, mode: 'preview' }
  },
}

let current: Dialing = previewDialing

export function dialing(): Dialing {
  return current
}

/** Replaces the dialing (the telephony adapter at boot, a test's fake). */
export function useDialing(next: Dialing) {
  current = next
}
