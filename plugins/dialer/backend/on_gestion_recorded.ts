import logger from '@adonisjs/core/services/logger'
import type { PluginEventHandler } from '#sdk'
import { ContactMoves, type RecordedGestion } from './contact_moves.ts'
import { endAgentCall, paceIfAutomatic } from './pacing_loop.ts'
import { wallboardChanged } from './wallboard.ts'

/**
 * T3: tipificaciones recorded a gestión; the dialer moves the client's
 * contact. The gestión is committed already: a failure here is logged
 * with the gestión's id, never turned into an error of the agent's save
 * (which would invite a second, duplicate gestión).
 */
const onGestionRecorded: PluginEventHandler = async (payload) => {
  const gestion = payload as RecordedGestion
  try {
    await ContactMoves.afterGestion(gestion, {
      actorId: gestion.userId,
      ip: null,
      requestId: null,
    })
    // the agent's wrap-up ended: its call is over, and a campaign that dials by itself puts
    // the next one through
    await endAgentCall(gestion.userId, gestion.clientId)
    await paceIfAutomatic(gestion.campaignId)
    wallboardChanged(gestion.campaignId)
  } catch (error) {
    logger.error({ err: error, gestionId: gestion.gestionId }, 'dialer: the contact was not moved')
  }
}

export default onGestionRecorded
