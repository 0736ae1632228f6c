import type { ApplicationService } from '@adonisjs/core/types'
import { answerClientError } from '#exceptions/client_error'

/**
 * Gives every Node HTTP server the app runs on (backend/bin/server.ts and
 * the test server alike: both hand it to Adonis through setNodeServer) the
 * `clientError` listener that answers unparsable requests in the API's
 * JSON error shape instead of Node's empty 400/431.
 */
export default class ClientErrorProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    const server = await this.app.container.make('server')
    const setNodeServer = server.setNodeServer.bind(server)
    server.setNodeServer = (nodeServer) => {
      nodeServer.on('clientError', answerClientError)
      setNodeServer(nodeServer)
    }
  }
}
