import type { InferLoggers } from '@adonisjs/core/types'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'tablero',
      level: env.get('LOG_LEVEL', app.inTest ? 'warn' : 'info'),
      // A failed statement's values (password and token hashes…) never
      // reach a log line: backend/providers/config_wiring_provider.ts adds
      // the serializer and hook of backend/services/log_redaction.ts.
      transport: {
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty())
          .pushIf(app.inProduction, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
