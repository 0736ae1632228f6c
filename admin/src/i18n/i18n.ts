import i18next, { type FormatterModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import es from './es.json'
import { formatCount } from './wording'

/**
 * The admin speaks Spanish by default and English on request (K12). The user's explicit choice is
 * remembered per browser; without one, the signed-in user's profile locale is used.
 */
export const SUPPORTED_LOCALES = ['es', 'en'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'es'

const STORAGE_KEY = 'tablero.locale'

export function isLocale(value: unknown): value is Locale {
  return SUPPORTED_LOCALES.includes(value as Locale)
}

/** The locale the user picked in this browser, if any (storage may be blocked: then none). */
export function rememberedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : null
  } catch {
    return null
  }
}

function rememberLocale(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private modes may refuse storage; the switch still works for this page's lifetime.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE
}

/** Switch language on behalf of the user, remembering the choice. */
export async function chooseLocale(locale: Locale) {
  rememberLocale(locale)
  await i18next.changeLanguage(locale)
}

/** Follow the profile's locale after sign-in, unless the user already chose one here. */
export async function adoptProfileLocale(locale: unknown) {
  if (rememberedLocale() || !isLocale(locale) || locale === currentLocale()) return
  await i18next.changeLanguage(locale)
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

/**
 * Every number a text carries is written in the text's language: "Se crearán 2.049 clientes",
 * never "2049" or "2,049" (issue 20). The texts use no named formats, so this is all of it.
 */
const NUMBERS_IN_LANGUAGE: FormatterModule = {
  type: 'formatter',
  init: () => {},
  add: () => {},
  addCached: () => {},
  format: (value, _format, language) =>
    typeof value === 'number' && isLocale(language) ? formatCount(value, language) : value,
}

void i18next
  .use(initReactI18next)
  .use(NUMBERS_IN_LANGUAGE)
  .init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: rememberedLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    interpolation: {
      escapeValue: false,
      // every number a text carries is written in the text's language (NUMBERS_IN_LANGUAGE)
      alwaysFormat: true,
    },
    // Resources are bundled, so initialise synchronously: the first render already has its texts.
    initAsync: false,
  })

export { i18next as i18n }
