import { Slot } from './slot'

/**
 * What enabled plugins show beside a client's name (collections-alerts' alerts…), as on the
 * client's page: every screen that names a client (the agenda, the caller-ID matches, the
 * dialer's console) renders it beside the name.
 */
export function ClientBadges({ clientId }: { clientId: number }) {
  return (
    <span data-testid="client-badges" data-client={clientId}>
      <Slot name="client.header.badges" props={{ client: { id: clientId } }} />
    </span>
  )
}
