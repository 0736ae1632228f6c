/**
 * The lower-cased, accent-free "first last" used to order a name search,
 * so "jose" finds "José" on SQLite and MySQL alike.
 */
export function searchName(firstName: unknown, lastName: unknown) {
  return foldForSearch(`${firstName ?? ''} ${lastName ?? ''}`).slice(0, 201)
}

export function foldForSearch(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** The longest word kept in client_name_words (its column's width). */
export const NAME_WORD_LENGTH = 40

/** The width of client_name_words.words, every word of the client (at most 201 characters of names). */
export const NAME_WORDS_LINE_LENGTH = 255

/** Words beyond this many in a search are ignored: more only narrow what a few already found. */
const SEARCH_WORDS = 5

/**
 * The distinct words of a client's names, folded as `foldForSearch` folds
 * them ("María José Villanueva-Cruz" → maria, jose, villanueva, cruz):
 * what client_name_words holds, so any of them finds the client by prefix.
 */
export function nameWords(firstName: unknown, lastName: unknown): string[] {
  return splitWords(`${firstName ?? ''} ${lastName ?? ''}`)
}

/** The words of a search text, folded the same way (at most SEARCH_WORDS). */
export function searchWords(text: string): string[] {
  return splitWords(text).slice(0, SEARCH_WORDS)
}

function splitWords(text: string) {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, NAME_WORD_LENGTH))
  return [...new Set(words)]
}

/**
 * A document as searched: letters and digits only, upper-cased, accents
 * folded ("15.926.822-5" → "159268225"), so a partial document typed with
 * or without its punctuation or check digit finds it by prefix.
 */
export function documentKey(document: unknown): string | null {
  if (document === null || document === undefined) return null
  const key = foldForSearch(String(document))
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 40)
  return key === '' ? null : key
}
