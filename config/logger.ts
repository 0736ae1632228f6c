import type { InferLoggers } from '@adonisjs/core/types'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'
import { redactLogCall, serializeError } from '#services/log_redaction'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'tablero',
      level: env.get('LOG_LEVEL', app.inTest ? 'warn' : 'info'),
      // A failed statement's values (password and token hashes…) never
      // reach a log line: see log_redaction.ts.
      serializers: { err: serializeError },
      hooks: { logMethod: redactLogCall },
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
