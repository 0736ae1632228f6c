import type { PluginRoutes } from '#sdk'
import { receiveChannelEvent } from './channel_webhook.ts'

/**
 * Mounted under /api/webhooks/collections-alerts with no session: the
 * channel provider signs each call (channel_webhook.ts checks it).
 */
const webhooks: PluginRoutes = (router) => {
  router.post('channel-events', receiveChannelEvent)
}

export default webhooks
