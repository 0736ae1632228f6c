import transmit from '@adonisjs/transmit/services/main'

/**
 * What a browser hears on a live channel, shaped as Refine's live events
 * (`liveProvider`): what happened and about what.
 */
export interface LiveEvent {
  type: string
  payload?: Record<string, string | number | boolean | null>
}

/** The one channel a signed-in user's browser may subscribe to (see `routes.ts`). */
export function userChannel(userId: number) {
  return `users/${userId}`
}

/**
 * Server-sent events to signed-in users (@adonisjs/transmit: through Redis
 * to every node when REDIS_HOST is set). Sent after the change commits:
 * a browser that hears it re-reads what it shows.
 */
export const LiveUpdates = {
  toUsers(userIds: Iterable<number>, event: LiveEvent) {
    const sent = { ...event, payload: event.payload ?? {}, date: new Date().toISOString() }
    for (const userId of new Set(userIds)) {
      transmit.broadcast(userChannel(userId), sent)
    }
  },
}
