import type { HttpContext } from '@adonisjs/core/http'

/**
 * The language of an answer: the admin's Accept-Language, else the
 * signed-in user's locale, else English (API clients).
 */
export function requestLanguage(ctx: HttpContext): 'es' | 'en' {
  const header = ctx.request.header('accept-language') ?? ''
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase()
  if (first === 'es' || first === 'en') return first
  const user = ctx.auth?.user as { locale?: string } | undefined
  return user?.locale === 'es' ? 'es' : 'en'
}
