import { Slot } from '@tablero/admin'

/**
 * What enabled plugins show beside a client's name (collections-alerts' alerts…), as on the
 * client's page: the agenda and the shared queue name clients too.
 */
export function ClientBadges({ clientId }: { clientId: number }) {
  return (
    <span data-testid="client-badges" data-client={clientId}>
      <Slot name="client.header.badges" props={{ client: { id: clientId } }} />
    </span>
  )
}
