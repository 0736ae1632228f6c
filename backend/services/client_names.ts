/**
 * The lower-cased, accent-free "first last" used for name prefix search,
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
