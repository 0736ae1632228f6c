import type { PluginEventHandler } from '#sdk'
import { ContactMoves, type RecordedGestion } from './contact_moves.ts'

/** T3: tipificaciones recorded a gestión; the dialer moves the client's contact. */
const onGestionRecorded: PluginEventHandler = async (payload) => {
  const gestion = payload as RecordedGestion
  await ContactMoves.afterGestion(gestion, { actorId: gestion.userId, ip: null, requestId: null })
}

export default onGestionRecorded
