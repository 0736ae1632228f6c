import { foldForSearch } from '#services/client_names'

/**
 * The first column of a rejected-rows file (rejected_rows.ts): what was
 * wrong with each row. An import ignores a column so named, so the fixed
 * file goes back as it is.
 */
export const REJECTION_COLUMN = { es: 'Errores de importación', en: 'Import errors' }

const IGNORED = new Set(Object.values(REJECTION_COLUMN).map((name) => foldForSearch(name)))

/** Whether a header cell is the rejected-rows file's error column. */
export function isRejectionColumn(header: string) {
  return IGNORED.has(foldForSearch(header.trim()))
}
