import app from '@adonisjs/core/services/app'
import { ExceptionHandler, type HttpContext } from '@adonisjs/core/http'
import { toApiError, toSpanish } from './api_error.ts'
import { requestLanguage } from '#i18n/request_language'

/**
 * Renders every error as `{ error: { code, message, fields? } }` with the
 * right status. Unexpected errors answer 500 without internals (logged).
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected ignoreStatuses = [400, 401, 403, 404, 409, 413, 415, 422, 429]

  async handle(error: unknown, ctx: HttpContext) {
    const apiError = toApiError(error)
    const localized = requestLanguage(ctx) === 'es' ? toSpanish(apiError) : apiError
    const { status, code, message, fields } = localized
    const body = { code, message, ...(fields ? { fields } : {}) }
    if (status === 429) {
      const retryAfter = (error as { response?: { availableIn?: number } }).response?.availableIn
      if (retryAfter) ctx.response.header('Retry-After', String(retryAfter))
    }
    return ctx.response.status(status).send({ error: body })
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
